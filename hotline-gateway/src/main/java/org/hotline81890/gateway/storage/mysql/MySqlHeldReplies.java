package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.sms.HeldReplies;
import org.hotline81890.gateway.sms.HeldReply;
import org.hotline81890.gateway.sms.RecentOrder;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;

/**
 * The held SMS replies in {@code sms_held_reply} (V28). {@link #recent} is one statement on
 * {@code ix_work_order_caller}: the caller's rows, the newest SURVEYED event of each row it returns by
 * {@code ix_event_work_order}. A held text's own deadline (V35, ADR 0053) is a row of the deadline table armed and
 * cancelled in the transactions that hold and decide the text.
 */
public final class MySqlHeldReplies implements HeldReplies {
    private static final String COLUMNS = "SELECT h.id, h.idempotency_key, h.caller_number, h.text, h.work_order_id, "
            + "h.received_at, h.state, h.decided_by, h.note, h.overdue_at, w.ticket FROM sms_held_reply h "
            + "JOIN work_order w ON w.id = h.work_order_id ";
    private static final int RECENT = 20;
    private static final String HELD = "resident's SMS reply, held for an agent (短信回复待处理): ";
    /** The history's note when a held text's own deadline passes undecided (ADR 0053). */
    public static final String OVERDUE =
            "resident's SMS reply not decided in time, on the 督办 list (居民回复超时未处理): ";
    private final Transactions tx;
    private final Clock clock;
    private final Duration decideWithin;

    /** {@code decideWithin}: smpp.reply-hold.decide-within, a held text's own deadline after its arrival. */
    public MySqlHeldReplies(Transactions tx, Clock clock, Duration decideWithin) {
        if (decideWithin.isNegative() || decideWithin.isZero()) {
            throw new IllegalArgumentException("decide-within must be positive: " + decideWithin);
        }
        this.tx = tx;
        this.clock = clock;
        this.decideWithin = decideWithin;
    }

    @Override
    public java.util.Set<String> withRecent(java.util.Collection<String> callers, Instant since) {
        java.util.List<String> in = callers.stream().distinct().toList();
        java.util.Set<String> out = new java.util.HashSet<>();
        if (in.isEmpty()) {
            return out;
        }
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT caller_number FROM work_order"
                    + " WHERE caller_number IN (" + String.join(",", java.util.Collections.nCopies(in.size(), "?"))
                    + ") AND (state IN ('COMPLETED', 'ANSWERED') OR updated_at >= ?)")) {
                for (int i = 0; i < in.size(); i++) {
                    ps.setString(i + 1, in.get(i));
                }
                Sql.setInstant(ps, in.size() + 1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<RecentOrder> recent(String callerNumber, Instant since) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT w.id, w.ticket, w.state, w.service_code, "
                    + "w.created_at, w.updated_at, (SELECT MAX(e.at) FROM work_order_event e "
                    + "WHERE e.work_order_id = w.id AND e.to_state = 'SURVEYED') AS answered_at "
                    + "FROM work_order w WHERE w.caller_number = ? "
                    + "AND (w.state IN ('COMPLETED', 'ANSWERED') OR w.updated_at >= ?) "
                    + "ORDER BY w.created_at DESC LIMIT " + RECENT)) {
                ps.setString(1, callerNumber);
                Sql.setInstant(ps, 2, since);
                List<RecentOrder> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RecentOrder(new WorkOrderId(rs.getLong("id")),
                                TicketNumber.of(rs.getString("ticket")), WorkOrderState.valueOf(rs.getString("state")),
                                Sql.optText(rs, "service_code"), Sql.instant(rs, "created_at"),
                                Sql.instant(rs, "updated_at"), Sql.optInstant(rs, "answered_at")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Optional<HeldReply> hold(String idempotencyKey, String callerNumber, String text, Instant receivedAt,
                                    WorkOrderId answers, List<OutboxMessage> acknowledgement) {
        Instant now = Sql.millis(clock.instant());
        Instant arrived = Sql.millis(receivedAt.isAfter(now) ? now : receivedAt);
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO sms_held_reply (idempotency_key, "
                    + "caller_number, text, work_order_id, received_at, state) SELECT ?, ?, ?, ?, ?, 'WAITING' "
                    + "FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM work_order WHERE idempotency_key = ?)")) {
                ps.setString(1, idempotencyKey);
                ps.setString(2, callerNumber);
                ps.setString(3, text);
                ps.setLong(4, answers.value());
                Sql.setInstant(ps, 5, arrived);
                ps.setString(6, idempotencyKey);
                if (ps.executeUpdate() != 1) {
                    return one(c, "WHERE h.idempotency_key = ?", p -> p.setString(1, idempotencyKey));
                }
            }
            appendEvent(c, answers, now, HELD + text);
            MySqlOutbox.insert(c, Optional.of(answers), acknowledgement, now);
            Optional<HeldReply> held = one(c, "WHERE h.idempotency_key = ?", p -> p.setString(1, idempotencyKey));
            MySqlDeadlineStore.insert(c, HeldReply.DEADLINE, held.orElseThrow().id(), HeldReply.DECIDE_BY,
                    arrived.plus(decideWithin));
            return held;
        });
    }

    /** The text joins the order's history as an event that keeps its state, as a note over the rate limit does. */
    private static void appendEvent(Connection c, WorkOrderId id, Instant now, String details) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO work_order_event (work_order_id, at, actor, "
                + "channel, from_state, to_state, details) SELECT id, ?, 'resident', 'SMS', state, state, ? "
                + "FROM work_order WHERE id = ?")) {
            Sql.setInstant(ps, 1, now);
            ps.setString(2, details.length() > 4000 ? details.substring(0, 4000) : details);
            ps.setLong(3, id.value());
            ps.executeUpdate();
        }
    }

    /** One read on the order's held texts ({@code fk_held_reply_order}'s index): a handful at most. */
    @Override
    public Optional<Instant> waitingSince(WorkOrderId order, Instant by) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(received_at) AS since FROM sms_held_reply "
                    + "WHERE work_order_id = ? AND state = 'WAITING' AND received_at <= ?")) {
                ps.setLong(1, order.value());
                Sql.setInstant(ps, 2, by);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Sql.optInstant(rs, "since") : Optional.<Instant>empty();
                }
            }
        });
    }

    @Override
    public boolean markOverdue(long id, Instant at) {
        return tx.inTransaction(c -> {
            Optional<HeldReply> h = one(c, "WHERE h.id = ?", ps -> ps.setLong(1, id));
            if (h.isEmpty() || Sql.update(c, "UPDATE sms_held_reply SET overdue_at = ? WHERE id = ? "
                    + "AND state = 'WAITING' AND overdue_at IS NULL", ps -> {
                        Sql.setInstant(ps, 1, at);
                        ps.setLong(2, id);
                    }) != 1) {
                return false;
            }
            appendEvent(c, h.get().workOrder(), Sql.millis(at), OVERDUE + h.get().text());
            return true;
        });
    }

    @Override
    public List<Overdue> overdue(int limit) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(COLUMNS
                    + "WHERE h.state = 'WAITING' AND h.overdue_at IS NOT NULL ORDER BY h.overdue_at, h.id LIMIT ?")) {
                ps.setInt(1, limit);
                List<Overdue> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Overdue(reply(rs), Sql.instant(rs, "overdue_at")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<HeldReply> waiting(int limit) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(COLUMNS
                    + "WHERE h.state = 'WAITING' ORDER BY h.received_at, h.id LIMIT ?")) {
                ps.setInt(1, limit);
                return rows(ps);
            }
        });
    }

    @Override
    public int count() {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM sms_held_reply WHERE state = 'WAITING'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Override
    public Optional<HeldReply> find(long id) {
        return tx.read(c -> one(c, "WHERE h.id = ?", ps -> ps.setLong(1, id)));
    }

    @Override
    public boolean decide(long id, HeldReply.State decision, String agent, Optional<String> note, Instant at) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sms_held_reply SET state = ?, decided_by = ?, "
                    + "decided_at = ?, note = ? WHERE id = ? AND state = 'WAITING'")) {
                ps.setString(1, decision.name());
                ps.setString(2, agent);
                Sql.setInstant(ps, 3, at);
                Sql.setText(ps, 4, note);
                ps.setLong(5, id);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            MySqlDeadlineStore.cancel(c, HeldReply.DEADLINE, id, HeldReply.DECIDE_BY);
            return true;
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static Optional<HeldReply> one(Connection c, String where, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + where)) {
            binder.bind(ps);
            return rows(ps).stream().findFirst();
        }
    }

    private static List<HeldReply> rows(PreparedStatement ps) throws SQLException {
        List<HeldReply> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(reply(rs));
            }
        }
        return out;
    }

    private static HeldReply reply(ResultSet rs) throws SQLException {
        return new HeldReply(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("caller_number"),
                rs.getString("text"), new WorkOrderId(rs.getLong("work_order_id")),
                TicketNumber.of(rs.getString("ticket")), Sql.instant(rs, "received_at"),
                HeldReply.State.valueOf(rs.getString("state")), Sql.optText(rs, "decided_by"),
                Sql.optText(rs, "note"));
    }
}
