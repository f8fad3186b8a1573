package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.hotline81890.gateway.workorder.DeadlineStore;
import org.hotline81890.gateway.workorder.DeadlineKind;
import org.hotline81890.gateway.workorder.Deadlines;
import org.hotline81890.gateway.workorder.WorkOrderId;

/** {@link DeadlineStore} on MySQL: the deadline table, claimed with SKIP LOCKED and a lease. */
public final class MySqlDeadlineStore implements DeadlineStore {
    public static final String WORK_ORDER = "work_order";
    private final Transactions tx;

    public MySqlDeadlineStore(Transactions tx) {
        this.tx = tx;
    }

    /** Keeps the deadline rows of a work order in step with its deadline columns, in the caller's transaction. */
    static void syncWorkOrder(Connection c, WorkOrderId id, Deadlines before, Deadlines after) throws SQLException {
        for (DeadlineKind kind : DeadlineKind.values()) {
            Optional<Instant> old = before == null ? Optional.empty() : before.get(kind);
            Optional<Instant> now = after.get(kind);
            if (Objects.equals(old.map(Sql::millis), now.map(Sql::millis))) {
                continue;
            }
            if (old.isPresent()) {
                // Only an order that had this deadline has a row to cancel; a new order must not lock the index gap.
                cancel(c, WORK_ORDER, id.value(), kind.name());
            }
            if (now.isPresent()) {
                insert(c, WORK_ORDER, id.value(), kind.name(), now.get());
            }
        }
    }

    static long insert(Connection c, String type, long subject, String kind, Instant due)
            throws SQLException {
        return Sql.insert(c, "INSERT INTO deadline (subject_type, subject_id, kind, due_at, state) "
                + "VALUES (?,?,?,?,'PENDING')", ps -> {
                    ps.setString(1, type);
                    ps.setLong(2, subject);
                    ps.setString(3, kind);
                    Sql.setInstant(ps, 4, due);
                });
    }

    static void cancel(Connection c, String type, long subject, String kind) throws SQLException {
        Sql.update(c, "UPDATE deadline SET state='CANCELLED' WHERE subject_type=? AND subject_id=? AND kind=? "
                + "AND state='PENDING'", ps -> {
                    ps.setString(1, type);
                    ps.setLong(2, subject);
                    ps.setString(3, kind);
                });
    }

    @Override
    public long arm(String subjectType, long subjectId, String kind, Instant dueAt) {
        return tx.inTransaction(c -> insert(c, subjectType, subjectId, kind, dueAt));
    }

    @Override
    public void cancel(String subjectType, long subjectId, String kind) {
        tx.inTransaction(c -> {
            cancel(c, subjectType, subjectId, kind);
            return null;
        });
    }

    @Override
    public List<DueDeadline> claimDue(Instant now, int limit, Duration lease) {
        return tx.inTransaction(c -> claim(c, now, limit, lease));
    }

    /**
     * The fired marks, the claim and its lease in one transaction (three statements, one commit): the scheduler
     * used to commit each deadline's mark on its own. The marks are written first, so none of them is claimed.
     */
    @Override
    public List<DueDeadline> settleAndClaim(List<Long> fired, Instant now, int limit, Duration lease) {
        return tx.inTransaction(c -> {
            markFired(c, fired, now);
            return claim(c, now, limit, lease);
        });
    }

    @Override
    public void markAllFired(List<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            tx.inTransaction(c -> markFired(c, ids, at));
        }
    }

    private static List<DueDeadline> claim(Connection c, Instant now, int limit, Duration lease) throws SQLException {
        return Leases.claim(c, "deadline", "id, subject_type, subject_id, kind, due_at", "", now, limit, lease,
                rs -> new DueDeadline(rs.getLong("id"), rs.getString("subject_type"), rs.getLong("subject_id"),
                        rs.getString("kind"), Sql.instant(rs, "due_at")), DueDeadline::id);
    }

    private static int markFired(Connection c, List<Long> ids, Instant at) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        return Sql.update(c, "UPDATE deadline SET state='FIRED', fired_at=?, claimed_until=NULL WHERE id IN ("
                + String.join(",", Collections.nCopies(ids.size(), "?")) + ")", ps -> {
                    Sql.setInstant(ps, 1, at);
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 2, ids.get(i));
                    }
                });
    }

    @Override
    public void markFired(long id, Instant at) {
        tx.inTransaction(c -> Leases.settle(c,
                "UPDATE deadline SET state='FIRED', fired_at=?, claimed_until=NULL WHERE id=?", at, id));
    }

    @Override
    public Optional<Instant> nextDue() {
        // due_key (V7) = GREATEST(due_at, COALESCE(claimed_until, due_at)), indexed
        return tx.read(c -> Leases.nextDue(c, "deadline"));
    }
}
