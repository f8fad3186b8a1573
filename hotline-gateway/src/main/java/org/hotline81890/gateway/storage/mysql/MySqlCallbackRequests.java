package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.callback.CallbackReason;
import org.hotline81890.gateway.callback.CallbackRequest;
import org.hotline81890.gateway.callback.CallbackRequests;

/** The callback list in table {@code callback_request} (V13). */
public final class MySqlCallbackRequests implements CallbackRequests {
    private static final String COLUMNS = "SELECT id, request_key, number, reason, requested_at, closed_at, closed_by"
            + " FROM callback_request";
    private final Transactions tx;

    public MySqlCallbackRequests(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public CallbackRequest add(String key, String number, CallbackReason reason, Instant at) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO callback_request (request_key, number,"
                    + " reason, requested_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, number);
                ps.setString(3, reason.wire());
                Sql.setInstant(ps, 4, at);
                ps.executeUpdate();
            }
            return one(c, " WHERE request_key = ?", key).orElseThrow();
        });
    }

    @Override
    public List<CallbackRequest> listOpen(int limit) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(COLUMNS
                    + " WHERE closed_at IS NULL ORDER BY requested_at, id LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<CallbackRequest> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                    return out;
                }
            }
        });
    }

    @Override
    public Optional<CallbackRequest> find(long id) {
        return tx.read(c -> one(c, " WHERE id = ?", id));
    }

    @Override
    public boolean close(long id, String by, Instant at) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE callback_request SET closed_at = ?, closed_by = ?"
                    + " WHERE id = ? AND closed_at IS NULL")) {
                Sql.setInstant(ps, 1, at);
                ps.setString(2, by);
                ps.setLong(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static Optional<CallbackRequest> one(Connection c, String where, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + where)) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static CallbackRequest row(ResultSet rs) throws SQLException {
        String by = rs.getString("closed_by");
        Optional<CallbackRequest.Closed> closed = Sql.optInstant(rs, "closed_at")
                .map(t -> new CallbackRequest.Closed(by == null ? "" : by, t));
        return new CallbackRequest(rs.getLong("id"), rs.getString("request_key"), rs.getString("number"),
                CallbackReason.ofWire(rs.getString("reason")).orElseThrow(), Sql.instant(rs, "requested_at"), closed);
    }
}
