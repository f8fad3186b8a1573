package org.hotline81890.gateway.storage.mysql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.hotline81890.gateway.voice.AgentCallLog;

/** The agents' queue calls in table {@code agent_call} (V20). */
public final class MySqlAgentCallLog implements AgentCallLog {
    private static final String COLUMNS = "SELECT unique_id, extension, caller_channel, agent_channel, connected_at "
            + "FROM agent_call WHERE extension = ? AND ended_at IS NULL";
    private final Transactions tx;

    public MySqlAgentCallLog(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void connected(LiveCall call) {
        tx.inTransaction(c -> Sql.update(c, "INSERT IGNORE INTO agent_call (unique_id, extension, caller_channel, "
                + "agent_channel, connected_at) VALUES (?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, call.uniqueId());
                    ps.setString(2, call.extension());
                    ps.setString(3, call.callerChannel());
                    ps.setString(4, call.agentChannel());
                    Sql.setInstant(ps, 5, call.at());
                }));
    }

    @Override
    public void together(Runnable writes) {
        tx.inTransaction(c -> {
            writes.run(); // the stores' statements on the same Transactions join this one
            return null;
        });
    }

    @Override
    public void ended(String uniqueId, String extension, Instant at) {
        tx.inTransaction(c -> Sql.update(c, "UPDATE agent_call SET ended_at = ? WHERE unique_id = ? "
                + "AND extension = ? AND ended_at IS NULL", ps -> {
                    Sql.setInstant(ps, 1, at);
                    ps.setString(2, uniqueId);
                    ps.setString(3, extension);
                }));
    }

    @Override
    public Optional<LiveCall> live(String extension, String uniqueId) {
        return tx.read(c -> Sql.first(c, COLUMNS + " AND unique_id = ?", ps -> {
            ps.setString(1, extension);
            ps.setString(2, uniqueId);
        }, MySqlAgentCallLog::row));
    }

    @Override
    public Optional<LiveCall> current(String extension) {
        return tx.read(c -> Sql.first(c, COLUMNS + " ORDER BY connected_at DESC LIMIT 1",
                ps -> ps.setString(1, extension), MySqlAgentCallLog::row));
    }

    private static LiveCall row(ResultSet rs) throws SQLException {
        return new LiveCall(rs.getString("unique_id"), rs.getString("extension"), rs.getString("caller_channel"),
                rs.getString("agent_channel"), Sql.instant(rs, "connected_at"));
    }
}
