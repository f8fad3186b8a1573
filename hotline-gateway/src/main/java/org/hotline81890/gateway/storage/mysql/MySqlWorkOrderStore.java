package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import org.hotline81890.gateway.workorder.Deadlines;
import org.hotline81890.gateway.workorder.EventDraft;
import org.hotline81890.gateway.workorder.NewWorkOrder;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderEvent;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/** {@link WorkOrderStore} on MySQL/MariaDB through Connector/J: one transaction per call. */
public final class MySqlWorkOrderStore implements WorkOrderStore {
    private static final int TICKET_TRIES = 8;
    private static final java.util.Set<WorkOrderState> RESPONDED = java.util.EnumSet.of(WorkOrderState.ACCEPTED,
            WorkOrderState.ANSWERED);
    private static final java.util.Set<WorkOrderState> DONE = java.util.EnumSet.of(WorkOrderState.COMPLETED,
            WorkOrderState.ANSWERED);
    private final Transactions tx;
    private final Clock clock;
    private final RandomGenerator random;

    public MySqlWorkOrderStore(Transactions tx, Clock clock, RandomGenerator random) {
        this.tx = tx;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Created create(NewWorkOrder order, List<EventDraft> events,
                          Function<WorkOrder, List<OutboxMessage>> effects) {
        List<PendingCreate> one = List.of(new PendingCreate(order, events, effects));
        for (int attempt = 0; attempt < TICKET_TRIES; attempt++) {
            try {
                // the batch writer's rows for one order: 2 round trips (4 without multi-statements) instead of 7,
                // and the stored order is built from what was written instead of read back
                return tx.inTransaction(c -> new Created(BatchRows.insert(c, one, random, Sql.millis(clock.instant()))
                        .get(order.idempotencyKey()), true));
            } catch (DuplicateKey e) {
                if (e.key.equals("uk_work_order_idem")) {
                    return new Created(findByIdempotencyKey(order.idempotencyKey()).orElseThrow(), false);
                }
            }
        }
        throw new IllegalStateException("no free ticket number after " + TICKET_TRIES + " tries");
    }

    /** One order of a {@link #createAll} batch: what {@link #create} takes. */
    public record PendingCreate(NewWorkOrder order, List<EventDraft> events,
                                Function<WorkOrder, List<OutboxMessage>> effects) {
    }

    /**
     * Group commit: {@link #create} for many orders in ONE transaction (one log flush for all), with the same
     * contract per order: an idempotency key already stored (or earlier in the same batch) gives that order with
     * {@code fresh == false}. A ticket collision or a concurrent insert of the same key rolls the batch back and
     * it is tried again (the retry finds the key). Results are in the order of {@code batch}.
     */
    public List<Created> createAll(List<PendingCreate> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        for (int attempt = 0; attempt < TICKET_TRIES; attempt++) {
            boolean lookUp = attempt > 0;
            try {
                return tx.inTransaction(c -> insertAll(c, batch, lookUp));
            } catch (DuplicateKey e) {
                // ticket collision or the same key committed meanwhile by another node: the next round sees it
            }
        }
        throw new IllegalStateException("batch of " + batch.size() + " not stored after " + TICKET_TRIES + " tries");
    }

    /**
     * {@code lookUp == false} skips the SELECT of stored keys (one round trip less per batch): keys are new in the
     * common case, and a stored one makes the INSERT fail on the unique key, so the retry looks up.
     */
    private List<Created> insertAll(Connection c, List<PendingCreate> batch, boolean lookUp) throws SQLException {
        java.util.Map<String, WorkOrder> known = lookUp ? byKeys(c, batch.stream().map(p -> p.order().idempotencyKey())
                .distinct().toList()) : java.util.Map.of();
        List<PendingCreate> fresh = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>(known.keySet());
        for (PendingCreate p : batch) {
            if (keys.add(p.order().idempotencyKey())) {
                fresh.add(p);
            }
        }
        java.util.Map<String, WorkOrder> made = BatchRows.insert(c, fresh, random, Sql.millis(clock.instant()));
        java.util.Set<String> reported = new java.util.HashSet<>();
        List<Created> out = new ArrayList<>(batch.size());
        for (PendingCreate p : batch) {
            String key = p.order().idempotencyKey();
            WorkOrder now = made.get(key);
            out.add(now != null && reported.add(key) ? new Created(now, true)
                    : new Created(now != null ? now : known.get(key), false));
        }
        return out;
    }

    private static java.util.Map<String, WorkOrder> byKeys(Connection c, List<String> keys) throws SQLException {
        String marks = String.join(",", java.util.Collections.nCopies(keys.size(), "?"));
        java.util.Map<String, WorkOrder> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + WorkOrderRows.COLUMNS
                + " FROM work_order WHERE idempotency_key IN (" + marks + ")")) {
            for (int i = 0; i < keys.size(); i++) {
                ps.setString(i + 1, keys.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    WorkOrder w = WorkOrderRows.workOrder(rs);
                    out.put(w.idempotencyKey(), w);
                }
            }
        }
        return out;
    }

    @Override
    public WorkOrder update(WorkOrderId id, Function<WorkOrder, Optional<Change>> change) {
        return tx.inTransaction(c -> {
            // A caller's transaction that already holds the row locked (the partner lock) remembers it: no re-read.
            Optional<WorkOrder> held = tx.remembered(new LockedWorkOrder(id), WorkOrder.class);
            WorkOrder current = held.isPresent() ? held.get() : load(c, id, true)
                    .orElseThrow(() -> new NoSuchElementException("no work order " + id));
            Optional<Change> decided = change.apply(current);
            if (decided.isEmpty()) {
                return current;
            }
            Change ch = decided.get();
            Instant now = Sql.millis(clock.instant());
            write(c, ch.next(), now);
            appendEvent(c, id, now, current.state(), ch.event());
            MySqlDeadlineStore.syncWorkOrder(c, id, current.deadlines(), ch.next().deadlines());
            MySqlOutbox.insert(c, Optional.of(id), ch.outbox(), now);
            WorkOrder after = written(current, ch.next(), now);
            tx.remember(new LockedWorkOrder(id), after);
            return after;
        });
    }

    /**
     * The row as {@link #write} left it, without reading it back (one round trip less per move): the columns it
     * sets from {@code next}, the rest from {@code current}, times at the stored millisecond precision.
     */
    static WorkOrder written(WorkOrder current, WorkOrder next, Instant now) {
        Deadlines d = next.deadlines();
        return new WorkOrder(current.id(), current.ticket(), current.idempotencyKey(), current.channel(),
                current.callerNumber(), next.requestType(), next.text(), next.serviceCode(), next.area(),
                next.priority(), new Deadlines(d.respondBy().map(Sql::millis), d.completeBy().map(Sql::millis),
                d.surveyAt().map(Sql::millis)), next.state(), current.createdAt(), now, current.version() + 1);
    }

    private static void write(Connection c, WorkOrder w, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE work_order SET request_type=?, service_code=?, "
                + "text=?, district=?, street=?, community=?, grid=?, address=?, priority=?, state=?, respond_by=?, "
                + "complete_by=?, survey_at=?, updated_at=?, version=version+1, "
                + "responded_at=COALESCE(responded_at, ?), completed_at=COALESCE(completed_at, ?) WHERE id=?")) {
            ps.setString(1, w.requestType().name());
            Sql.setText(ps, 2, w.serviceCode());
            ps.setString(3, w.text());
            int next = WorkOrderRows.bindHandling(ps, 4, w.area(), w.priority(), w.state(), w.deadlines(), now);
            // The first time it was taken (or answered) and done: the KPI charts' times (V29) without its history.
            Sql.setInstant(ps, next, RESPONDED.contains(w.state()) ? Optional.of(now) : Optional.empty());
            Sql.setInstant(ps, next + 1, DONE.contains(w.state()) ? Optional.of(now) : Optional.empty());
            ps.setLong(next + 2, w.id().value());
            ps.executeUpdate();
        }
    }

    private static void appendEvent(Connection c, WorkOrderId id, Instant at, WorkOrderState from, EventDraft e)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO work_order_event (work_order_id, at, actor, "
                + "channel, from_state, to_state, details) VALUES (?,?,?,?,?,?,?)")) {
            ps.setLong(1, id.value());
            Sql.setInstant(ps, 2, at);
            ps.setString(3, e.actor().length() > 64 ? e.actor().substring(0, 64) : e.actor());
            ps.setString(4, e.channel().name());
            ps.setString(5, from == null ? null : from.name());
            ps.setString(6, e.to().name());
            ps.setString(7, e.details());
            ps.executeUpdate();
        }
    }

    private static Optional<WorkOrder> load(Connection c, WorkOrderId id, boolean forUpdate) throws SQLException {
        String sql = "SELECT " + WorkOrderRows.COLUMNS + " FROM work_order WHERE id=?"
                + (forUpdate ? " FOR UPDATE" : "");
        return one(c, sql, id.value());
    }

    private static Optional<WorkOrder> one(Connection c, String sql, Object key) throws SQLException {
        return Sql.first(c, sql, ps -> ps.setObject(1, key), WorkOrderRows::workOrder);
    }

    private List<WorkOrder> many(String where, Object key, int limit) {
        String sql = "SELECT " + WorkOrderRows.COLUMNS + " FROM work_order WHERE " + where
                + " ORDER BY created_at DESC, id DESC LIMIT ?";
        return tx.read(c -> Sql.list(c, sql, ps -> {
            ps.setObject(1, key);
            ps.setInt(2, limit);
        }, WorkOrderRows::workOrder));
    }

    @Override
    public void afterCommit(Runnable action) {
        tx.afterCommit(action);
    }

    @Override
    public Optional<WorkOrder> find(WorkOrderId id) {
        return tx.read(c -> load(c, id, false));
    }

    @Override
    public Optional<WorkOrder> findByTicket(TicketNumber ticket) {
        return tx.read(c -> one(c, "SELECT " + WorkOrderRows.COLUMNS + " FROM work_order WHERE ticket=?",
                ticket.value()));
    }

    @Override
    public Optional<WorkOrder> findByIdempotencyKey(String key) {
        return tx.read(c -> one(c, "SELECT " + WorkOrderRows.COLUMNS + " FROM work_order WHERE idempotency_key=?",
                key));
    }

    @Override
    public Optional<WorkOrder> findByIdempotencyKeyPrefix(String prefix) {
        String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return tx.read(c -> one(c, "SELECT " + WorkOrderRows.COLUMNS + " FROM work_order WHERE idempotency_key LIKE ?"
                + " LIMIT 1", like));
    }

    @Override
    public List<WorkOrderEvent> history(WorkOrderId id) {
        return tx.read(c -> Sql.list(c, "SELECT id, work_order_id, at, actor, channel, from_state, to_state, "
                + "details FROM work_order_event WHERE work_order_id=? ORDER BY id", ps -> ps.setLong(1, id.value()),
                WorkOrderRows::event));
    }

    @Override
    public List<WorkOrder> listByState(WorkOrderState state, int limit) {
        return many("state=?", state.name(), limit);
    }

    @Override
    public List<WorkOrder> listByCaller(String callerNumber, int limit) {
        return many("caller_number=?", callerNumber, limit);
    }

    /** A unique key was hit; which one decides between "duplicate request" and "ticket collision". */
    static final class DuplicateKey extends RuntimeException {
        final String key;

        private DuplicateKey(String key, SQLException cause) {
            super(cause);
            this.key = key;
        }

        static SQLException of(SQLException e) throws SQLException {
            for (String key : List.of("uk_work_order_idem", "uk_work_order_ticket")) {
                if (Transactions.isDuplicateKey(e, key)) {
                    throw new DuplicateKey(key, e);
                }
            }
            return e;
        }
    }
}
