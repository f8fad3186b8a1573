package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hotline81890.gateway.dispatch.FirstOfferOrder;
import org.hotline81890.gateway.workorder.Dispatch;
import org.hotline81890.gateway.workorder.Outbox;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.WorkOrderId;

/**
 * The outbox with dispatch rows claimed in the {@link FirstOfferOrder} (ADR 0041); everything else is the outbox's.
 * A claim first looks at the rows a first-come claim would take (the oldest due, of every kind not passed over) and
 * counts the dispatch rows among them: that many dispatch slots this claim has, and the other kinds get the rows
 * they would have got (the outbox's own claim, passing over dispatch). Of the dispatch slots, the order's share for
 * orders inside their promise goes to the oldest dispatch rows written after the promise's start (by
 * {@code created_at}: a row whose lease ran out is due again, not younger), the rest, and whatever those leave, to
 * the oldest dispatch rows. All of it is one transaction, so a claim is still one commit.
 */
public final class MySqlPromiseFirstClaims implements Outbox {
    private final Outbox outbox;
    private final Transactions tx;
    private final FirstOfferOrder order;

    /**
     * {@code outbox}: the MySQL outbox on the same {@code tx}, for everything but the claims, which this class makes
     * in its own transactions with the outbox's statements.
     */
    public MySqlPromiseFirstClaims(Outbox outbox, Transactions tx, FirstOfferOrder order) {
        this.outbox = outbox;
        this.tx = tx;
        this.order = order;
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, int limit, Duration lease, Set<String> skipKinds) {
        return tx.inTransaction(c -> claim(c, skipKinds, now, now, limit, lease));
    }

    /**
     * The relay's round (ADR 0042) in the first-offer order: the done marks and the claim of rows due by
     * {@code dueBy}, leased from {@code now}, in one transaction and one commit, as the outbox's own round.
     */
    @Override
    public List<OutboxEntry> settleAndClaim(List<Long> done, Instant now, Instant dueBy, int limit, Duration lease,
                                            Set<String> skipKinds) {
        return tx.inTransaction(c -> {
            MySqlOutbox.markDone(c, done, now);
            return claim(c, skipKinds, dueBy.isAfter(now) ? now : dueBy, now, limit, lease);
        });
    }

    private List<OutboxEntry> claim(Connection c, Set<String> skipKinds, Instant dueBy, Instant now, int limit,
                                    Duration lease) throws SQLException {
        if (!order.promiseAware() || skipKinds.contains(Dispatch.KIND) || limit <= 0) {
            return MySqlOutbox.claim(c, skipKinds, dueBy, now, limit, lease);
        }
        int slots = dispatchSlots(c, dueBy, limit, skipKinds);
        if (slots == 0) {
            return MySqlOutbox.claim(c, skipKinds, dueBy, now, limit, lease);
        }
        int inPromise = order.inPromiseSlots(slots);
        List<OutboxEntry> all = new ArrayList<>(inPromise == 0 ? List.of()
                : claimDispatch(c, Optional.of(order.promiseStart(now)), dueBy, now, inPromise, lease));
        all.addAll(claimDispatch(c, Optional.empty(), dueBy, now, slots - all.size(), lease));
        if (limit > slots) {
            Set<String> others = new HashSet<>(skipKinds);
            others.add(Dispatch.KIND);
            all.addAll(MySqlOutbox.claim(c, others, dueBy, now, limit - slots, lease));
        }
        return all;
    }

    /** How many dispatch rows are among the {@code limit} rows a first-come claim would take (a read, no lock). */
    private static int dispatchSlots(Connection c, Instant dueBy, int limit, Set<String> skipKinds)
            throws SQLException {
        String passOver = skipKinds.isEmpty() ? ""
                : " AND kind NOT IN (" + String.join(",", Collections.nCopies(skipKinds.size(), "?")) + ")";
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT kind FROM outbox"
                + " WHERE state='PENDING' AND due_key<=?" + passOver + " ORDER BY due_key, id LIMIT ?) first"
                + " WHERE kind=?")) {
            int i = 1;
            Sql.setInstant(ps, i++, dueBy);
            for (String k : skipKinds) {
                ps.setString(i++, k);
            }
            ps.setInt(i++, limit);
            ps.setString(i, Dispatch.KIND);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /**
     * Claims up to {@code limit} dispatch rows due by {@code dueBy}, oldest first, leased from {@code now}; with
     * {@code promiseStart}, only those written after it. The range on {@code due_key} (never before
     * {@code created_at}) keeps that scan off the late rows however many wait.
     */
    private static List<OutboxEntry> claimDispatch(Connection c, Optional<Instant> promiseStart, Instant dueBy,
                                                   Instant now, int limit, Duration lease) throws SQLException {
        List<OutboxEntry> rows = new ArrayList<>();
        if (limit <= 0) {
            return rows;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MySqlOutbox.COLUMNS + " FROM outbox"
                + " WHERE state='PENDING'" + (promiseStart.isPresent() ? " AND due_key>? AND created_at>?" : "")
                + " AND due_key<=? AND kind=? ORDER BY due_key, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            int i = 1;
            if (promiseStart.isPresent()) {
                Sql.setInstant(ps, i++, promiseStart.get());
                Sql.setInstant(ps, i++, promiseStart.get());
            }
            Sql.setInstant(ps, i++, dueBy);
            ps.setString(i++, Dispatch.KIND);
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(MySqlOutbox.entry(rs));
                }
            }
        }
        if (rows.isEmpty()) {
            return rows;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET claimed_until=?, attempts=attempts+1"
                + " WHERE id IN (" + String.join(",", Collections.nCopies(rows.size(), "?")) + ")")) {
            Sql.setInstant(ps, 1, now.plus(lease));
            for (int i = 0; i < rows.size(); i++) {
                ps.setLong(i + 2, rows.get(i).id());
            }
            ps.executeUpdate();
        }
        return rows;
    }

    /** The lane for rows that go first (ADR 0050) is the outbox's own: those rows are no first offers. */
    @Override
    public List<OutboxEntry> claimKeys(java.util.Collection<String> dedupeKeys, Instant now, Duration lease) {
        return outbox.claimKeys(dedupeKeys, now, lease);
    }

    @Override
    public void enqueue(Optional<WorkOrderId> workOrderId, List<OutboxMessage> messages) {
        outbox.enqueue(workOrderId, messages);
    }

    @Override
    public void markDone(long id, Instant at) {
        outbox.markDone(id, at);
    }

    @Override
    public void markAllDone(List<Long> ids, Instant at) {
        outbox.markAllDone(ids, at);
    }

    @Override
    public void retryLater(long id, Instant nextAttemptAt, String error) {
        outbox.retryLater(id, nextAttemptAt, error);
    }

    @Override
    public void retryAllLater(List<Retry> retries) {
        outbox.retryAllLater(retries);
    }

    @Override
    public void markFailed(long id, Instant at, String error) {
        outbox.markFailed(id, at, error);
    }

    @Override
    public void park(long id, String why) {
        outbox.park(id, why);
    }

    @Override
    public int unpark(Set<String> kinds, Instant now) {
        return outbox.unpark(kinds, now);
    }

    @Override
    public Map<String, Integer> parked() {
        return outbox.parked();
    }

    @Override
    public Optional<Instant> nextDue() {
        return outbox.nextDue();
    }

    @Override
    public Optional<OutboxStatus> status(String dedupeKey) {
        return outbox.status(dedupeKey);
    }
}
