package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.hotline81890.gateway.storage.mysql.MySqlWorkOrderStore.PendingCreate;
import org.hotline81890.gateway.workorder.DeadlineKind;
import org.hotline81890.gateway.workorder.EventDraft;
import org.hotline81890.gateway.workorder.NewWorkOrder;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;

/**
 * The rows of many new work orders written with one batched statement per table (Connector/J rewrites each batch
 * into multi-row INSERTs): work_order, work_order_event, deadline, outbox. Same rows as
 * {@link MySqlWorkOrderStore#create} writes one order at a time; about 5 round trips per batch instead of ~10 per
 * order. A unique-key violation is rethrown as {@link MySqlWorkOrderStore.DuplicateKey} (the batch is retried).
 */
final class BatchRows {
    private BatchRows() {
    }

    /** Inserts {@code fresh} (keys unique and not stored yet); returns the stored orders by idempotency key. */
    static Map<String, WorkOrder> insert(Connection c, List<PendingCreate> fresh, RandomGenerator random, Instant now)
            throws SQLException {
        Map<String, WorkOrder> made = new LinkedHashMap<>();
        if (fresh.isEmpty()) {
            return made;
        }
        List<TicketNumber> tickets = new ArrayList<>();
        java.util.Set<String> distinct = new java.util.HashSet<>();
        while (tickets.size() < fresh.size()) {
            TicketNumber t = TicketNumber.random(random);
            if (distinct.add(t.value())) {
                tickets.add(t);
            }
        }
        List<Long> ids = workOrders(c, fresh, tickets, now);
        for (int i = 0; i < fresh.size(); i++) {
            NewWorkOrder o = fresh.get(i).order();
            made.put(o.idempotencyKey(), new WorkOrder(new WorkOrderId(ids.get(i)), tickets.get(i), o.idempotencyKey(),
                    o.channel(), o.callerNumber(), o.requestType(), o.text(), o.serviceCode(), o.area(), o.priority(),
                    o.deadlines(), o.state(), now, now, 0));
        }
        List<WorkOrder> orders = List.copyOf(made.values());
        events(c, fresh, orders, now);
        deadlines(c, orders);
        outbox(c, fresh, orders, now);
        return made;
    }

    private static List<Long> workOrders(Connection c, List<PendingCreate> fresh, List<TicketNumber> tickets,
                                         Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(WorkOrderRows.INSERT, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < fresh.size(); i++) {
                NewWorkOrder o = fresh.get(i).order();
                WorkOrderRows.bindInsert(ps, o, tickets.get(i), now);
                ps.addBatch();
            }
            try {
                ps.executeBatch();
            } catch (SQLException e) {
                throw duplicateOrSame(e);
            }
            List<Long> ids = new ArrayList<>(fresh.size());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
            if (ids.size() != fresh.size()) {
                throw new IllegalStateException("expected " + fresh.size() + " generated ids, got " + ids.size());
            }
            return ids;
        }
    }

    private static SQLException duplicateOrSame(SQLException e) throws SQLException {
        MySqlWorkOrderStore.DuplicateKey.of(e);
        if (e.getCause() instanceof SQLException cause) {
            MySqlWorkOrderStore.DuplicateKey.of(cause);
        }
        return e;
    }

    private static void events(Connection c, List<PendingCreate> fresh, List<WorkOrder> orders, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO work_order_event (work_order_id, at, actor, "
                + "channel, from_state, to_state, details) VALUES (?,?,?,?,?,?,?)")) {
            for (int i = 0; i < fresh.size(); i++) {
                WorkOrderState from = null;
                for (EventDraft e : fresh.get(i).events()) {
                    ps.setLong(1, orders.get(i).id().value());
                    Sql.setInstant(ps, 2, now);
                    ps.setString(3, e.actor().length() > 64 ? e.actor().substring(0, 64) : e.actor());
                    ps.setString(4, e.channel().name());
                    ps.setString(5, from == null ? null : from.name());
                    ps.setString(6, e.to().name());
                    ps.setString(7, e.details());
                    ps.addBatch();
                    from = e.to();
                }
            }
            ps.executeBatch();
        }
    }

    private static void deadlines(Connection c, List<WorkOrder> orders) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO deadline (subject_type, subject_id, kind, due_at, "
                + "state) VALUES (?,?,?,?,'PENDING')")) {
            int rows = 0;
            for (WorkOrder w : orders) {
                for (DeadlineKind kind : DeadlineKind.values()) {
                    Optional<Instant> due = w.deadlines().get(kind);
                    if (due.isPresent()) {
                        ps.setString(1, MySqlDeadlineStore.WORK_ORDER);
                        ps.setLong(2, w.id().value());
                        ps.setString(3, kind.name());
                        Sql.setInstant(ps, 4, due.get());
                        ps.addBatch();
                        rows++;
                    }
                }
            }
            if (rows > 0) {
                ps.executeBatch();
            }
        }
    }

    private static void outbox(Connection c, List<PendingCreate> fresh, List<WorkOrder> orders, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO outbox (kind, destination, payload, "
                + "dedupe_key, work_order_id, state, attempts, next_attempt_at, created_at) "
                + "VALUES (?,?,?,?,?,'PENDING',0,?,?)")) {
            int rows = 0;
            for (int i = 0; i < fresh.size(); i++) {
                for (OutboxMessage m : fresh.get(i).effects().apply(orders.get(i))) {
                    ps.setString(1, m.kind());
                    ps.setString(2, m.destination());
                    ps.setString(3, m.payload());
                    ps.setString(4, m.dedupeKey());
                    ps.setLong(5, orders.get(i).id().value());
                    Sql.setInstant(ps, 6, now);
                    Sql.setInstant(ps, 7, now);
                    ps.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                ps.executeBatch();
            }
        }
    }
}
