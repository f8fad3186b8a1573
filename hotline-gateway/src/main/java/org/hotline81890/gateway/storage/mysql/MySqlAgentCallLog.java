package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
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
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO agent_call (unique_id, extension, "
                    + "caller_channel, agent_channel, connected_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, call.uniqueId());
                ps.setString(2, call.extension());
                ps.setString(3, call.callerChannel());
                ps.setString(4, call.agentChannel());
                Sql.setInstant(ps, 5, call.at());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void ended(String uniqueId, String extension, Instant at) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE agent_call SET ended_at = ? WHERE unique_id = ? "
                    + "AND extension = ? AND ended_at IS NULL")) {
                Sql.setInstant(ps, 1, at);
                ps.setString(2, uniqueId);
                ps.setString(3, extension);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<LiveCall> live(String extension, String uniqueId) {
        return one(COLUMNS + " AND unique_id = ?", extension, uniqueId);
    }

    @Override
    public Optional<LiveCall> current(String extension) {
        return one(COLUMNS + " ORDER BY connected_at DESC LIMIT 1", extension, null);
    }

    private Optional<LiveCall> one(String sql, String extension, String uniqueId) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, extension);
                if (uniqueId != null) {
                    ps.setString(2, uniqueId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    private static LiveCall row(ResultSet rs) throws SQLException {
        return new LiveCall(rs.getString("unique_id"), rs.getString("extension"), rs.getString("caller_channel"),
                rs.getString("agent_channel"), Sql.instant(rs, "connected_at"));
    }
}
