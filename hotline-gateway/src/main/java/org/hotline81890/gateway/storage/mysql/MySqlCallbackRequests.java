package org.hotline81890.gateway.storage.mysql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
            Sql.update(c, "INSERT IGNORE INTO callback_request (request_key, number, reason, requested_at)"
                    + " VALUES (?, ?, ?, ?)", ps -> {
                        ps.setString(1, key);
                        ps.setString(2, number);
                        ps.setString(3, reason.wire());
                        Sql.setInstant(ps, 4, at);
                    });
            return Sql.first(c, COLUMNS + " WHERE request_key = ?", ps -> ps.setString(1, key),
                    MySqlCallbackRequests::row).orElseThrow();
        });
    }

    @Override
    public List<CallbackRequest> listOpen(int limit) {
        return tx.read(c -> Sql.list(c, COLUMNS + " WHERE closed_at IS NULL ORDER BY requested_at, id LIMIT ?",
                ps -> ps.setInt(1, limit), MySqlCallbackRequests::row));
    }

    @Override
    public Optional<CallbackRequest> find(long id) {
        return tx.read(c -> Sql.first(c, COLUMNS + " WHERE id = ?", ps -> ps.setLong(1, id),
                MySqlCallbackRequests::row));
    }

    @Override
    public boolean close(long id, String by, Instant at) {
        return tx.inTransaction(c -> Sql.update(c, "UPDATE callback_request SET closed_at = ?, closed_by = ?"
                + " WHERE id = ? AND closed_at IS NULL", ps -> {
                    Sql.setInstant(ps, 1, at);
                    ps.setString(2, by);
                    ps.setLong(3, id);
                })) == 1;
    }

    private static CallbackRequest row(ResultSet rs) throws SQLException {
        String by = rs.getString("closed_by");
        Optional<CallbackRequest.Closed> closed = Sql.optInstant(rs, "closed_at")
                .map(t -> new CallbackRequest.Closed(by == null ? "" : by, t));
        return new CallbackRequest(rs.getLong("id"), rs.getString("request_key"), rs.getString("number"),
                CallbackReason.ofWire(rs.getString("reason")).orElseThrow(), Sql.instant(rs, "requested_at"), closed);
    }
}
