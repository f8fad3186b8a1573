package org.hotline81890.gateway.storage.mysql;

import java.util.List;

import org.hotline81890.gateway.people.AuditLog;
import org.hotline81890.gateway.people.PersonalDataView;

/** The append-only {@code personal_data_view} table: this class inserts and reads, nothing else. */
public final class MySqlAuditLog extends AppendOnlyTable<PersonalDataView> implements AuditLog {
    public MySqlAuditLog(Transactions tx) {
        super(tx, "personal_data_view", List.of("viewed_at", "person_id", "login", "what", "work_order_id",
                "caller_number"), (ps, v) -> {
                    Sql.setInstant(ps, 1, v.at());
                    ps.setLong(2, v.personId());
                    ps.setString(3, v.login());
                    ps.setString(4, v.what().name());
                    Sql.setText(ps, 5, v.workOrder());
                    Sql.setText(ps, 6, v.callerNumber());
                }, rs -> new PersonalDataView(Sql.instant(rs, "viewed_at"), rs.getLong("person_id"),
                        rs.getString("login"), PersonalDataView.What.valueOf(rs.getString("what")),
                        Sql.optText(rs, "work_order_id"), Sql.optText(rs, "caller_number")));
    }
}
