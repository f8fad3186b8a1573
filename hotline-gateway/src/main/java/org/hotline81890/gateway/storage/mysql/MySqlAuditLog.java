package org.hotline81890.gateway.storage.mysql;

import java.util.List;

import org.hotline81890.gateway.people.AuditLog;
import org.hotline81890.gateway.people.PersonalDataView;

/** The append-only {@code personal_data_view} table: this class inserts and reads, nothing else. */
public final class MySqlAuditLog implements AuditLog {
    private final Transactions tx;

    public MySqlAuditLog(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(PersonalDataView v) {
        tx.inTransaction(c -> Sql.update(c, "INSERT INTO personal_data_view (viewed_at, person_id, login, what, "
                + "work_order_id, caller_number) VALUES (?,?,?,?,?,?)", ps -> {
                    Sql.setInstant(ps, 1, v.at());
                    ps.setLong(2, v.personId());
                    ps.setString(3, v.login());
                    ps.setString(4, v.what().name());
                    Sql.setText(ps, 5, v.workOrder());
                    Sql.setText(ps, 6, v.callerNumber());
                }));
    }

    @Override
    public List<PersonalDataView> newest(int limit) {
        return tx.read(c -> Sql.list(c, "SELECT viewed_at, person_id, login, what, work_order_id, caller_number "
                + "FROM personal_data_view ORDER BY id DESC LIMIT ?", ps -> ps.setInt(1, limit),
                rs -> new PersonalDataView(Sql.instant(rs, "viewed_at"), rs.getLong("person_id"),
                        rs.getString("login"), PersonalDataView.What.valueOf(rs.getString("what")),
                        Sql.optText(rs, "work_order_id"), Sql.optText(rs, "caller_number"))));
    }
}
