package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.supervision.SupervisionNotice;
import org.hotline81890.gateway.supervision.SupervisionNotices;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.partners.ProviderId;

/** The {@code supervision_notice} table (V19): the 督办单. Joins the caller's transaction when there is one. */
public final class MySqlSupervisionNotices implements SupervisionNotices {
    private static final String COLUMNS = "id, work_order_id, provider_id, issued_by, issued_at, due_at, text, "
            + "state, settled_at";
    private final Transactions tx;

    public MySqlSupervisionNotices(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public SupervisionNotice add(SupervisionNotice n) {
        long id = tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO supervision_notice (work_order_id, "
                    + "provider_id, issued_by, issued_at, due_at, text, state) VALUES (?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, n.workOrder().value());
                ps.setString(2, n.department().value());
                ps.setString(3, n.issuedBy());
                Sql.setInstant(ps, 4, n.issuedAt());
                Sql.setInstant(ps, 5, n.dueAt());
                ps.setString(6, n.text().length() <= 1000 ? n.text() : n.text().substring(0, 1000));
                ps.setString(7, n.state().name());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new SupervisionNotice(id, n.workOrder(), n.department(), n.issuedBy(), n.issuedAt(), n.dueAt(),
                n.text(), n.state(), n.settledAt());
    }

    @Override
    public Optional<SupervisionNotice> find(long id) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM supervision_notice WHERE id = ?")) {
                ps.setLong(1, id);
                return list(ps).stream().findFirst();
            }
        });
    }

    @Override
    public boolean settle(SupervisionNotice s) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE supervision_notice SET state = ?, settled_at = ? "
                    + "WHERE id = ? AND state = 'OPEN'")) {
                ps.setString(1, s.state().name());
                Sql.setInstant(ps, 2, s.settledAt());
                ps.setLong(3, s.id());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<SupervisionNotice> forWorkOrder(WorkOrderId id) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM supervision_notice WHERE work_order_id = ? ORDER BY id")) {
                ps.setLong(1, id.value());
                return list(ps);
            }
        });
    }

    @Override
    public Map<ProviderId, Integer> missedByDepartment() {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT provider_id, COUNT(*) AS n FROM supervision_notice "
                    + "WHERE state = 'MISSED' GROUP BY provider_id ORDER BY n DESC, provider_id");
                 ResultSet rs = ps.executeQuery()) {
                Map<ProviderId, Integer> out = new LinkedHashMap<>();
                while (rs.next()) {
                    out.put(ProviderId.of(rs.getString("provider_id")), rs.getInt("n"));
                }
                return out;
            }
        });
    }

    private static List<SupervisionNotice> list(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<SupervisionNotice> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new SupervisionNotice(rs.getLong("id"), new WorkOrderId(rs.getLong("work_order_id")),
                        ProviderId.of(rs.getString("provider_id")), rs.getString("issued_by"),
                        Sql.instant(rs, "issued_at"), Sql.instant(rs, "due_at"), rs.getString("text"),
                        SupervisionNotice.State.valueOf(rs.getString("state")), Sql.optInstant(rs, "settled_at")));
            }
            return out;
        }
    }
}
