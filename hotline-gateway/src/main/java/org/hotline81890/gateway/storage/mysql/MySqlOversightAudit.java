package org.hotline81890.gateway.storage.mysql;

import java.util.List;

import org.hotline81890.gateway.voice.OversightAudit;
import org.hotline81890.gateway.voice.SpyMode;

/** The append-only {@code agent_oversight_audit} table: this class inserts and reads, nothing else. */
public final class MySqlOversightAudit implements OversightAudit {
    private final Transactions tx;

    public MySqlOversightAudit(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(Entry e) {
        tx.inTransaction(c -> Sql.update(c, "INSERT INTO agent_oversight_audit (at, person_id, login, extension, "
                + "agent_iface, mode) VALUES (?,?,?,?,?,?)", ps -> {
                    Sql.setInstant(ps, 1, e.at());
                    ps.setLong(2, e.personId());
                    ps.setString(3, e.login());
                    ps.setString(4, e.extension());
                    ps.setString(5, e.agentIface());
                    ps.setString(6, e.mode().name());
                }));
    }

    @Override
    public List<Entry> newest(int limit) {
        return tx.read(c -> Sql.list(c, "SELECT at, person_id, login, extension, agent_iface, mode "
                + "FROM agent_oversight_audit ORDER BY id DESC LIMIT ?", ps -> ps.setInt(1, limit),
                rs -> new Entry(Sql.instant(rs, "at"), rs.getLong("person_id"), rs.getString("login"),
                        rs.getString("extension"), rs.getString("agent_iface"),
                        SpyMode.valueOf(rs.getString("mode")))));
    }
}
