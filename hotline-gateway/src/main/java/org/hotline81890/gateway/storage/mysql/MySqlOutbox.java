package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hotline81890.gateway.workorder.Outbox;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.WorkOrderId;

/** {@link Outbox} on MySQL. Rows are claimed with SELECT … FOR UPDATE SKIP LOCKED and a lease, so relays on
 * several nodes never take the same row, and a crashed relay's rows come back when its lease runs out. */
public final class MySqlOutbox implements Outbox {
    /** The columns a claim reads, for {@link #entry}. */
    static final String COLUMNS = "id, kind, destination, payload, dedupe_key, work_order_id, attempts, created_at";
    private final Transactions tx;
    private final Clock clock;

    public MySqlOutbox(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Inserts rows inside the caller's transaction; a dedupe key seen before keeps the first row. */
    static void insert(Connection c, Optional<WorkOrderId> workOrder, List<OutboxMessage> messages, Instant now)
            throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO outbox (kind, destination, payload, "
                + "dedupe_key, work_order_id, state, attempts, next_attempt_at, created_at) "
                + "VALUES (?,?,?,?,?,'PENDING',0,?,?)")) {
            for (OutboxMessage m : messages) {
                ps.setString(1, m.kind());
                ps.setString(2, m.destination());
                ps.setString(3, m.payload());
                ps.setString(4, m.dedupeKey());
                ps.setObject(5, workOrder.map(WorkOrderId::value).orElse(null));
                Sql.setInstant(ps, 6, now);
                Sql.setInstant(ps, 7, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public void enqueue(Optional<WorkOrderId> workOrderId, List<OutboxMessage> messages) {
        tx.inTransaction(c -> {
            insert(c, workOrderId, messages, clock.instant());
            return null;
        });
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, int limit, Duration lease, Set<String> skipKinds) {
        return tx.inTransaction(c -> claim(c, skipKinds, now, now, limit, lease));
    }

    /**
     * The done marks, the claim and its lease in one transaction (four statements, one commit): the relay's round
     * used to commit its done marks and its claim apart. The done rows are written first, so none of them is claimed.
     */
    @Override
    public List<OutboxEntry> settleAndClaim(List<Long> done, Instant now, Instant dueBy, int limit, Duration lease,
                                            Set<String> skipKinds) {
        return tx.inTransaction(c -> {
            markDone(c, done, now);
            return claim(c, skipKinds, dueBy, now, limit, lease);
        });
    }

    /**
     * Claims, in the caller's transaction, up to {@code limit} rows due by {@code dueBy} (never after {@code now}),
     * oldest first, of the kinds not in {@code skipKinds}, leased for {@code lease} from {@code now}.
     */
    static List<OutboxEntry> claim(Connection c, Set<String> skipKinds, Instant dueBy, Instant now, int limit,
                                   Duration lease) throws SQLException {
        return Leases.claim(c, "outbox", COLUMNS, ", attempts=attempts+1", Map.of("kind", skipKinds), dueBy, now,
                limit, lease, MySqlOutbox::entry, OutboxEntry::id);
    }

    /**
     * The relay's lane for rows that go first (ADR 0050): the due, unleased, pending rows with these dedupe keys,
     * found by the unique key (not the due index: the keys are few, the due rows may be many), locked
     * {@code FOR UPDATE SKIP LOCKED} and leased as any claim leases them.
     */
    @Override
    public List<OutboxEntry> claimKeys(Collection<String> dedupeKeys, Instant now, Duration lease) {
        if (dedupeKeys.isEmpty()) {
            return List.of();
        }
        return tx.inTransaction(c -> {
            List<OutboxEntry> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE dedupe_key IN ("
                    + String.join(",", Collections.nCopies(dedupeKeys.size(), "?")) + ") AND state='PENDING' "
                    + "AND due_key<=? ORDER BY id FOR UPDATE SKIP LOCKED")) {
                int i = 1;
                for (String k : dedupeKeys) {
                    ps.setString(i++, k);
                }
                Sql.setInstant(ps, i, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(entry(rs));
                    }
                }
            }
            return Leases.lease(c, "outbox", ", attempts=attempts+1", rows, now, lease, OutboxEntry::id);
        });
    }

    /** An outbox row read with {@link #COLUMNS}, its attempt counted as the claim counts it. */
    static OutboxEntry entry(ResultSet rs) throws SQLException {
        long wo = rs.getLong("work_order_id");
        Optional<WorkOrderId> workOrder = rs.wasNull() ? Optional.empty() : Optional.of(new WorkOrderId(wo));
        OutboxMessage m = new OutboxMessage(rs.getString("kind"), rs.getString("destination"),
                rs.getString("payload"), rs.getString("dedupe_key"));
        return new OutboxEntry(rs.getLong("id"), m, workOrder, rs.getInt("attempts") + 1,
                Sql.instant(rs, "created_at"));
    }

    @Override
    public void markDone(long id, Instant at) {
        set(id, "UPDATE outbox SET state='DONE', done_at=?, claimed_until=NULL, last_error=NULL WHERE id=?", at);
    }

    /** One UPDATE for all rows: the relay marks deliveries done in groups rather than a transaction each. */
    @Override
    public void markAllDone(List<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        tx.inTransaction(c -> markDone(c, ids, at));
    }

    /** Marks {@code ids} done in the caller's transaction, one UPDATE for all. */
    static int markDone(Connection c, List<Long> ids, Instant at) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        return Sql.update(c, "UPDATE outbox SET state='DONE', done_at=?, claimed_until=NULL, last_error=NULL "
                + "WHERE id IN (" + marks + ")", ps -> {
                    Sql.setInstant(ps, 1, at);
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 2, ids.get(i));
                    }
                });
    }

    @Override
    public void retryLater(long id, Instant nextAttemptAt, String error) {
        release(id, "next_attempt_at=?", nextAttemptAt, error);
    }

    /**
     * One UPDATE for all rows: each row's next attempt and error by a CASE on its id. The relay gathers the retries of
     * a round's deliveries and writes them at once, where each was a transaction of its own on the delivering thread.
     */
    @Override
    public void retryAllLater(List<Retry> retries) {
        if (retries.isEmpty()) {
            return;
        }
        String cases = String.join(" ", Collections.nCopies(retries.size(), "WHEN ? THEN ?"));
        tx.inTransaction(c -> Sql.update(c, "UPDATE outbox SET next_attempt_at = CASE id " + cases + " END, "
                + "last_error = CASE id " + cases + " END, claimed_until=NULL WHERE id IN ("
                + String.join(",", Collections.nCopies(retries.size(), "?")) + ")", ps -> {
                    int i = 1;
                    for (Retry r : retries) {
                        ps.setLong(i++, r.id());
                        Sql.setInstant(ps, i++, r.nextAttemptAt());
                    }
                    for (Retry r : retries) {
                        ps.setLong(i++, r.id());
                        ps.setString(i++, truncate(r.error()));
                    }
                    for (Retry r : retries) {
                        ps.setLong(i++, r.id());
                    }
                }));
    }

    @Override
    public void markFailed(long id, Instant at, String error) {
        release(id, "state='FAILED', done_at=?", at, error);
    }

    /** Ends the row's lease with {@code set} (one time parameter, {@code at}) and the error that ended it. */
    private void release(long id, String set, Instant at, String error) {
        tx.inTransaction(c -> Sql.update(c, "UPDATE outbox SET " + set + ", claimed_until=NULL, last_error=? "
                + "WHERE id=?", ps -> {
                    Sql.setInstant(ps, 1, at);
                    ps.setString(2, truncate(error));
                    ps.setLong(3, id);
                }));
    }

    @Override
    public void park(long id, String why) {
        tx.inTransaction(c -> Sql.update(c, "UPDATE outbox SET state='PARKED', claimed_until=NULL, "
                + "attempts=GREATEST(attempts-1,0), last_error=? WHERE id=?", ps -> {
                    ps.setString(1, truncate(why));
                    ps.setLong(2, id);
                }));
    }

    @Override
    public int unpark(java.util.Set<String> kinds, Instant now) {
        if (kinds.isEmpty()) {
            return 0;
        }
        return tx.inTransaction(c -> Sql.update(c, "UPDATE outbox SET state='PENDING', next_attempt_at=? "
                + "WHERE state='PARKED' AND kind IN (" + String.join(",", Collections.nCopies(kinds.size(), "?"))
                + ")", ps -> {
                    Sql.setInstant(ps, 1, now);
                    int i = 2;
                    for (String k : kinds) {
                        ps.setString(i++, k);
                    }
                }));
    }

    @Override
    public java.util.Map<String, Integer> parked() {
        return tx.read(c -> {
            java.util.Map<String, Integer> out = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT kind, COUNT(*) AS n FROM outbox WHERE state='PARKED' GROUP BY kind");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString("kind"), rs.getInt("n"));
                }
            }
            return out;
        });
    }

    private void set(long id, String sql, Instant at) {
        tx.inTransaction(c -> Leases.settle(c, sql, at, id));
    }

    @Override
    public Optional<Instant> nextDue() {
        // due_key (V7) = GREATEST(next_attempt_at, COALESCE(claimed_until, next_attempt_at)), indexed
        return tx.read(c -> Leases.nextDue(c, "outbox"));
    }

    @Override
    public Optional<OutboxStatus> status(String dedupeKey) {
        return tx.read(c -> Sql.first(c, "SELECT id, state, attempts, last_error FROM outbox WHERE dedupe_key=?",
                ps -> ps.setString(1, dedupeKey), rs -> new OutboxStatus(rs.getLong("id"), rs.getString("state"),
                        rs.getInt("attempts"), Optional.ofNullable(rs.getString("last_error")))));
    }

    private static String truncate(String s) {
        String v = s == null ? "" : s;
        return v.length() > 1024 ? v.substring(0, 1024) : v;
    }
}
