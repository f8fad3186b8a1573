package org.hotline81890.gateway.storage.mysql;

import java.util.List;

import org.hotline81890.gateway.voice.OversightAudit;
import org.hotline81890.gateway.voice.SpyMode;

/** The append-only {@code agent_oversight_audit} table: this class inserts and reads, nothing else. */
public final class MySqlOversightAudit extends AppendOnlyTable<OversightAudit.Entry> implements OversightAudit {
    public MySqlOversightAudit(Transactions tx) {
        super(tx, "agent_oversight_audit", List.of("at", "person_id", "login", "extension", "agent_iface", "mode"),
                (ps, e) -> {
                    Sql.setInstant(ps, 1, e.at());
                    ps.setLong(2, e.personId());
                    ps.setString(3, e.login());
                    ps.setString(4, e.extension());
                    ps.setString(5, e.agentIface());
                    ps.setString(6, e.mode().name());
                }, rs -> new Entry(Sql.instant(rs, "at"), rs.getLong("person_id"), rs.getString("login"),
                        rs.getString("extension"), rs.getString("agent_iface"),
                        SpyMode.valueOf(rs.getString("mode"))));
    }
}
