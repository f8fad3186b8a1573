package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

import org.hotline81890.gateway.voice.CallRecords;
import org.hotline81890.gateway.workorder.PhoneNumbers;

/** Call records in table {@code call_record} (V3); each event is one idempotent statement. */
public final class MySqlCallRecords implements CallRecords {
    private final Transactions tx;

    public MySqlCallRecords(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void joined(String uniqueId, String callerNumber, String queue, Instant at) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO call_record (uniqueid, caller_number,"
                    + " queue, joined_at, outcome) VALUES (?, ?, ?, ?, 'WAITING')")) {
                ps.setString(1, uniqueId);
                ps.setString(2, PhoneNumbers.normalise(callerNumber));
                ps.setString(3, queue);
                Sql.setInstant(ps, 4, at);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void agentCalled(String uniqueId, Instant at) {
        update("UPDATE call_record SET agent_called_at = COALESCE(agent_called_at, ?) WHERE uniqueid = ?",
                uniqueId, at);
    }

    @Override
    public void answered(String uniqueId, String agent, long holdSeconds, Instant at) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE call_record SET answered_at = ?, agent = ?,"
                    + " wait_seconds = ?, outcome = 'ANSWERED' WHERE uniqueid = ? AND outcome = 'WAITING'")) {
                Sql.setInstant(ps, 1, at);
                ps.setString(2, agent);
                ps.setLong(3, holdSeconds);
                ps.setString(4, uniqueId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void completed(String uniqueId, long talkSeconds, Instant at) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE call_record SET talk_seconds = ?,"
                    + " ended_at = COALESCE(ended_at, ?) WHERE uniqueid = ?")) {
                ps.setLong(1, talkSeconds);
                Sql.setInstant(ps, 2, at);
                ps.setString(3, uniqueId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void abandoned(String uniqueId, long holdSeconds, Instant at) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE call_record SET wait_seconds = ?,"
                    + " ended_at = COALESCE(ended_at, ?), outcome = 'ABANDONED' WHERE uniqueid = ?"
                    + " AND outcome = 'WAITING'")) {
                ps.setLong(1, holdSeconds);
                Sql.setInstant(ps, 2, at);
                ps.setString(3, uniqueId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void hungUp(String uniqueId, Instant at) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE call_record SET ended_at = COALESCE(ended_at, ?),"
                    + " wait_seconds = COALESCE(wait_seconds, TIMESTAMPDIFF(SECOND, joined_at, ?)),"
                    + " outcome = IF(outcome = 'WAITING', 'ABANDONED', outcome) WHERE uniqueid = ?")) {
                Sql.setInstant(ps, 1, at);
                Sql.setInstant(ps, 2, at);
                ps.setString(3, uniqueId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public CallKpis kpis(Instant from, Instant to, Duration answeredWithin) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*),"
                    + " COALESCE(SUM(outcome = 'ANSWERED'), 0),"
                    + " COALESCE(SUM(outcome = 'ANSWERED' AND wait_seconds <= ?), 0),"
                    + " COALESCE(SUM(outcome = 'ABANDONED'), 0), COALESCE(AVG(wait_seconds), 0)"
                    + " FROM call_record WHERE joined_at >= ? AND joined_at < ?")) {
                ps.setLong(1, answeredWithin.toSeconds());
                Sql.setInstant(ps, 2, from);
                Sql.setInstant(ps, 3, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new CallKpis(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5));
                }
            }
        });
    }

    @Override
    public CallTimes times(Instant from, Instant to) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(AVG(wait_seconds), 0),"
                    + " COALESCE(AVG(talk_seconds), 0) FROM call_record WHERE joined_at >= ? AND joined_at < ?"
                    + " AND outcome = 'ANSWERED'")) {
                Sql.setInstant(ps, 1, from);
                Sql.setInstant(ps, 2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new CallTimes(rs.getDouble(1), rs.getDouble(2));
                }
            }
        });
    }

    private void update(String sql, String uniqueId, Instant at) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Sql.setInstant(ps, 1, at);
                ps.setString(2, uniqueId);
                return ps.executeUpdate();
            }
        });
    }
}
