package org.hotline81890.gateway.storage.mysql;

import java.sql.Types;
import java.time.Duration;
import java.time.Instant;

import org.hotline81890.gateway.voice.CallRecords;
import org.hotline81890.gateway.workorder.PhoneNumbers;

/**
 * Call records in table {@code call_record} (V3); each event is one idempotent statement, and a burst of events
 * written {@link #together} is one transaction.
 */
public final class MySqlCallRecords implements CallRecords {
    private final Transactions tx;

    public MySqlCallRecords(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void together(Runnable writes) {
        tx.inTransaction(c -> {
            writes.run(); // each event's statement joins this transaction (Transactions nest by joining)
            return null;
        });
    }

    @Override
    public void joined(String uniqueId, String callerNumber, String queue, Instant at) {
        write("INSERT IGNORE INTO call_record (uniqueid, caller_number, queue, joined_at, outcome)"
                + " VALUES (?, ?, ?, ?, 'WAITING')", uniqueId, PhoneNumbers.normalise(callerNumber), queue, at);
    }

    @Override
    public void agentCalled(String uniqueId, Instant at) {
        write("UPDATE call_record SET agent_called_at = COALESCE(agent_called_at, ?) WHERE uniqueid = ?",
                at, uniqueId);
    }

    @Override
    public void answered(String uniqueId, String agent, long holdSeconds, Instant at) {
        write("UPDATE call_record SET answered_at = ?, agent = ?, wait_seconds = ?, outcome = 'ANSWERED'"
                + " WHERE uniqueid = ? AND outcome = 'WAITING'", at, agent, holdSeconds, uniqueId);
    }

    @Override
    public void completed(String uniqueId, long talkSeconds, Instant at) {
        write("UPDATE call_record SET talk_seconds = ?, ended_at = COALESCE(ended_at, ?) WHERE uniqueid = ?",
                talkSeconds, at, uniqueId);
    }

    @Override
    public void abandoned(String uniqueId, long holdSeconds, Instant at) {
        write("UPDATE call_record SET wait_seconds = ?, ended_at = COALESCE(ended_at, ?), outcome = 'ABANDONED'"
                + " WHERE uniqueid = ? AND outcome = 'WAITING'", holdSeconds, at, uniqueId);
    }

    @Override
    public void hungUp(String uniqueId, Instant at) {
        write("UPDATE call_record SET ended_at = COALESCE(ended_at, ?),"
                + " wait_seconds = COALESCE(wait_seconds, TIMESTAMPDIFF(SECOND, joined_at, ?)),"
                + " outcome = IF(outcome = 'WAITING', 'ABANDONED', outcome) WHERE uniqueid = ?", at, at, uniqueId);
    }

    /**
     * One idempotent statement; each event of a call is one. Values are text, whole numbers or instants; a value an
     * AMI event left out (no agent name) is stored as NULL, as a bound null string was before.
     */
    private void write(String sql, Object... values) {
        tx.inTransaction(c -> Sql.update(c, sql, ps -> {
            for (int i = 0; i < values.length; i++) {
                switch (values[i]) {
                    case null -> ps.setNull(i + 1, Types.VARCHAR);
                    case Instant t -> Sql.setInstant(ps, i + 1, t);
                    case Long n -> ps.setLong(i + 1, n);
                    case String s -> ps.setString(i + 1, s);
                    default -> throw new IllegalArgumentException("not a call-record value: " + values[i]);
                }
            }
        }));
    }

    @Override
    public CallKpis kpis(Instant from, Instant to, Duration answeredWithin) {
        return tx.read(c -> Sql.first(c, "SELECT COUNT(*),"
                + " COALESCE(SUM(outcome = 'ANSWERED'), 0),"
                + " COALESCE(SUM(outcome = 'ANSWERED' AND wait_seconds <= ?), 0),"
                + " COALESCE(SUM(outcome = 'ABANDONED'), 0), COALESCE(AVG(wait_seconds), 0)"
                + " FROM call_record WHERE joined_at >= ? AND joined_at < ?", ps -> {
                    ps.setLong(1, answeredWithin.toSeconds());
                    Sql.setInstant(ps, 2, from);
                    Sql.setInstant(ps, 3, to);
                }, rs -> new CallKpis(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5)))
                .orElseThrow());
    }

    @Override
    public CallTimes times(Instant from, Instant to) {
        return tx.read(c -> Sql.first(c, "SELECT COALESCE(AVG(wait_seconds), 0),"
                + " COALESCE(AVG(talk_seconds), 0) FROM call_record WHERE joined_at >= ? AND joined_at < ?"
                + " AND outcome = 'ANSWERED'", ps -> {
                    Sql.setInstant(ps, 1, from);
                    Sql.setInstant(ps, 2, to);
                }, rs -> new CallTimes(rs.getDouble(1), rs.getDouble(2))).orElseThrow());
    }
}
