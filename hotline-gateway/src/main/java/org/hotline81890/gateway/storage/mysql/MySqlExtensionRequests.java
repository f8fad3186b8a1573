package org.hotline81890.gateway.storage.mysql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.dispatch.ExtensionRequest;
import org.hotline81890.gateway.dispatch.ExtensionRequests;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.OfferId;

/** The {@code extension_request} table (V19). Joins the caller's transaction when there is one. */
public final class MySqlExtensionRequests implements ExtensionRequests {
    private static final String COLUMNS = "id, offer_id, work_order_id, provider_id, extra_minutes, reason, "
            + "requested_at, state, decided_by, decided_at, decision_note";
    private final Transactions tx;

    public MySqlExtensionRequests(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public ExtensionRequest add(ExtensionRequest r) {
        long id = tx.inTransaction(c -> Sql.insert(c, "INSERT INTO extension_request (offer_id, work_order_id, "
                + "provider_id, extra_minutes, reason, requested_at, state) VALUES (?,?,?,?,?,?,?)", ps -> {
                    ps.setString(1, r.offer().value());
                    ps.setLong(2, r.workOrder().value());
                    ps.setString(3, r.provider().value());
                    ps.setInt(4, Math.toIntExact(r.extra().toMinutes()));
                    ps.setString(5, cut(r.reason()));
                    Sql.setInstant(ps, 6, r.requestedAt());
                    ps.setString(7, r.state().name());
                }));
        return new ExtensionRequest(id, r.offer(), r.workOrder(), r.provider(), r.extra(), r.reason(),
                r.requestedAt(), r.state(), r.decidedBy(), r.decidedAt(), r.note());
    }

    @Override
    public Optional<ExtensionRequest> find(long id) {
        return tx.read(c -> Sql.first(c, "SELECT " + COLUMNS + " FROM extension_request WHERE id = ?",
                ps -> ps.setLong(1, id), MySqlExtensionRequests::row));
    }

    @Override
    public Optional<ExtensionRequest> pendingFor(OfferId offer) {
        return tx.read(c -> Sql.first(c, "SELECT " + COLUMNS
                + " FROM extension_request WHERE offer_id = ? AND state = 'PENDING' ORDER BY id LIMIT 1",
                ps -> ps.setString(1, offer.value()), MySqlExtensionRequests::row));
    }

    @Override
    public boolean decide(ExtensionRequest d) {
        return tx.inTransaction(c -> Sql.update(c, "UPDATE extension_request SET state = ?, decided_by = ?, "
                + "decided_at = ?, decision_note = ? WHERE id = ? AND state = 'PENDING'", ps -> {
                    ps.setString(1, d.state().name());
                    Sql.setText(ps, 2, d.decidedBy());
                    Sql.setInstant(ps, 3, d.decidedAt());
                    Sql.setText(ps, 4, d.note().map(MySqlExtensionRequests::cut));
                    ps.setLong(5, d.id());
                })) == 1;
    }

    @Override
    public List<ExtensionRequest> pending(int limit) {
        return tx.read(c -> Sql.list(c, "SELECT " + COLUMNS
                + " FROM extension_request WHERE state = 'PENDING' ORDER BY requested_at, id LIMIT ?",
                ps -> ps.setInt(1, limit), MySqlExtensionRequests::row));
    }

    private static ExtensionRequest row(ResultSet rs) throws SQLException {
        return new ExtensionRequest(rs.getLong("id"), new OfferId(rs.getString("offer_id")),
                new WorkOrderId(rs.getLong("work_order_id")), ProviderId.of(rs.getString("provider_id")),
                Duration.ofMinutes(rs.getInt("extra_minutes")), rs.getString("reason"),
                Sql.instant(rs, "requested_at"), ExtensionRequest.State.valueOf(rs.getString("state")),
                Sql.optText(rs, "decided_by"), Sql.optInstant(rs, "decided_at"), Sql.optText(rs, "decision_note"));
    }

    private static String cut(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500);
    }
}
