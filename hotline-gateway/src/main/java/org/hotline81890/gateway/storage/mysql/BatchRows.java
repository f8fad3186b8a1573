package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
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
import org.hotline81890.gateway.workorder.Deadlines;
import org.hotline81890.gateway.workorder.EventDraft;
import org.hotline81890.gateway.workorder.NewWorkOrder;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of many new work orders: work_order as one multi-row INSERT of literals (consecutive generated ids,
 * as Connector/J's rewritten batches also assume), then work_order_event, deadline and outbox rows as multi-row
 * INSERTs in one round trip when the connection has allowMultiQueries ({@link MultiRowInsert}). Same rows as
 * {@link MySqlWorkOrderStore#create} writes one order at a time; 2 round trips per batch (plus the transaction's
 * own) instead of ~10 per order, plus one indexed lookup of the drawn tickets ({@link #freeTickets}). A
 * unique-key violation is rethrown as {@link MySqlWorkOrderStore.DuplicateKey} (the batch is retried).
 */
final class BatchRows {
    private static final Logger LOG = LoggerFactory.getLogger(BatchRows.class);
    /** The columns of {@link WorkOrderRows#INSERT}, written as one multi-row INSERT of literals (SqlLiterals). */
    private static final String WORK_ORDER_HEAD = WorkOrderRows.INSERT.substring(0,
            WorkOrderRows.INSERT.indexOf("VALUES")) + "VALUES ";
    private static final int FREE_TICKET_ROUNDS = 8;

    private BatchRows() {
    }

    /** Inserts {@code fresh} (keys unique and not stored yet); returns the stored orders by idempotency key. */
    static Map<String, WorkOrder> insert(Connection c, List<PendingCreate> fresh, RandomGenerator random, Instant now)
            throws SQLException {
        Map<String, WorkOrder> made = new LinkedHashMap<>();
        if (fresh.isEmpty()) {
            return made;
        }
        List<TicketNumber> tickets = tickets(c, fresh, random);
        List<Long> ids = workOrders(c, fresh, tickets, now);
        for (int i = 0; i < fresh.size(); i++) {
            NewWorkOrder o = fresh.get(i).order();
            made.put(o.idempotencyKey(), new WorkOrder(new WorkOrderId(ids.get(i)), tickets.get(i), o.idempotencyKey(),
                    o.channel(), o.callerNumber(), o.requestType(), o.text(), o.serviceCode(), o.area(), o.priority(),
                    stored(o.deadlines()), o.state(), o.receivedAt().map(Sql::millis).orElse(now), now, 0));
        }
        List<WorkOrder> orders = List.copyOf(made.values());
        children(c, fresh, orders, now);
        return made;
    }

    /**
     * The orders' tickets: the one the resident was told where there is one (ADR 0047), else drawn. A told ticket
     * that an order holds already (another node drew it in the instant between its reservation and its check, about
     * once in 10^8 draws) is drawn anew and logged: the order must be stored, the resident can ask by number.
     */
    private static List<TicketNumber> tickets(Connection c, List<PendingCreate> fresh, RandomGenerator random)
            throws SQLException {
        List<String> told = fresh.stream().flatMap(p -> p.order().ticket().stream()).map(TicketNumber::value).toList();
        java.util.Set<String> taken = told.isEmpty() ? java.util.Set.of() : stored(c, told, false);
        long drawn = fresh.stream().filter(p -> p.order().ticket().isEmpty()
                || taken.contains(p.order().ticket().get().value())).count();
        java.util.Iterator<TicketNumber> free = freeTickets(c, (int) drawn, random).iterator();
        List<TicketNumber> out = new ArrayList<>(fresh.size());
        for (PendingCreate p : fresh) {
            Optional<TicketNumber> t = p.order().ticket().filter(x -> !taken.contains(x.value()));
            if (p.order().ticket().isPresent() && t.isEmpty()) {
                LOG.warn("ticket {} told to the sender is held by another order; drawn anew", p.order().ticket().get());
            }
            out.add(t.orElseGet(free::next));
        }
        return out;
    }

    /**
     * {@code n} distinct random tickets not stored yet (as an order, or reserved for an SMS request, ADR 0047).
     * Tickets are 8 random digits (90 million): with a million
     * orders stored, a batch of 200 drawn blindly hits a taken one about 9 times in 10 (and one in 5 at 100,000), so
     * the batch would roll back again and again. Instead the drawn tickets are looked up (one indexed query) and only
     * the taken ones are drawn again. A ticket taken by another node between this check and the insert still fails
     * the insert on the unique key, and the caller retries the batch.
     */
    static List<TicketNumber> freeTickets(Connection c, int n, RandomGenerator random) throws SQLException {
        java.util.Set<String> taken = new java.util.HashSet<>();
        java.util.Set<String> free = new java.util.LinkedHashSet<>();
        for (int round = 0; round < FREE_TICKET_ROUNDS; round++) {
            List<String> drawn = new ArrayList<>();
            while (free.size() + drawn.size() < n) {
                String t = TicketNumber.random(random).value();
                if (!taken.contains(t) && !free.contains(t) && !drawn.contains(t)) {
                    drawn.add(t);
                }
            }
            java.util.Set<String> stored = stored(c, drawn, true);
            taken.addAll(stored);
            drawn.stream().filter(t -> !stored.contains(t)).forEach(free::add);
            if (free.size() == n) {
                return free.stream().map(TicketNumber::new).toList();
            }
        }
        throw new IllegalStateException("no " + n + " free ticket numbers after " + FREE_TICKET_ROUNDS + " rounds");
    }

    /** Which of {@code tickets} (digits only, so written as literals) are stored already (or reserved). */
    private static java.util.Set<String> stored(Connection c, List<String> tickets, boolean reserved)
            throws SQLException {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (tickets.isEmpty()) {
            return out;
        }
        String in = " WHERE ticket IN ('" + String.join("','", tickets) + "')";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT ticket FROM work_order" + in
                + (reserved ? " UNION ALL SELECT ticket FROM sms_ticket" + in : ""))) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Deadlines as stored: millisecond precision, as a read would give them. */
    private static Deadlines stored(Deadlines d) {
        return new Deadlines(d.respondBy().map(Sql::millis), d.completeBy().map(Sql::millis),
                d.surveyAt().map(Sql::millis));
    }

    private static List<Long> workOrders(Connection c, List<PendingCreate> fresh, List<TicketNumber> tickets,
                                         Instant now) throws SQLException {
        SqlLiterals literals = SqlLiterals.of(c);
        String at = Sql.text(now);
        StringBuilder sql = new StringBuilder(WORK_ORDER_HEAD.length() + fresh.size() * 400).append(WORK_ORDER_HEAD);
        for (int i = 0; i < fresh.size(); i++) {
            NewWorkOrder o = fresh.get(i).order();
            sql.append(i == 0 ? "(" : ",(");
            Object[] values = {tickets.get(i).value(), o.idempotencyKey(), o.channel().name(), o.callerNumber(),
                o.requestType().name(), o.text(), o.serviceCode().orElse(null), o.area().district().orElse(null),
                o.area().street().orElse(null), o.area().community().orElse(null), o.area().grid().orElse(null),
                o.area().address().orElse(null), o.priority().name(), o.state().name(),
                o.deadlines().respondBy().map(Sql::text).orElse(null),
                o.deadlines().completeBy().map(Sql::text).orElse(null),
                o.deadlines().surveyAt().map(Sql::text).orElse(null), o.receivedAt().map(Sql::text).orElse(at), at};
            for (Object v : values) {
                literals.append(sql, v);
                sql.append(',');
            }
            sql.append("0)");
        }
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            try {
                st.executeUpdate(sql.toString(), Statement.RETURN_GENERATED_KEYS);
            } catch (SQLException e) {
                throw duplicateOrSame(e);
            }
            List<Long> ids = new ArrayList<>(fresh.size());
            try (ResultSet keys = st.getGeneratedKeys()) {
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

    /** The child rows of the batch: one multi-row INSERT per table, all in one round trip when allowed. */
    private static void children(Connection c, List<PendingCreate> fresh, List<WorkOrder> orders, Instant now)
            throws SQLException {
        MultiRowInsert rows = new MultiRowInsert();
        MultiRowInsert.Rows events = rows.table("INSERT INTO work_order_event (work_order_id, at, actor, channel, "
                + "from_state, to_state, details)", 7);
        MultiRowInsert.Rows deadlines = rows.table("INSERT INTO deadline (subject_type, subject_id, kind, due_at, "
                + "state)", 5);
        MultiRowInsert.Rows outbox = rows.table("INSERT IGNORE INTO outbox (kind, destination, payload, dedupe_key, "
                + "work_order_id, state, attempts, next_attempt_at, created_at)", 9);
        String at = Sql.text(now);
        for (int i = 0; i < fresh.size(); i++) {
            WorkOrder w = orders.get(i);
            Long id = w.id().value();
            WorkOrderState from = null;
            for (EventDraft e : fresh.get(i).events()) {
                events.add(id, at, e.actor().length() > 64 ? e.actor().substring(0, 64) : e.actor(),
                        e.channel().name(), from == null ? null : from.name(), e.to().name(), e.details());
                from = e.to();
            }
            for (DeadlineKind kind : DeadlineKind.values()) {
                Optional<Instant> due = w.deadlines().get(kind);
                if (due.isPresent()) {
                    deadlines.add(MySqlDeadlineStore.WORK_ORDER, id, kind.name(), Sql.text(due.get()), "PENDING");
                }
            }
            for (OutboxMessage m : fresh.get(i).effects().apply(w)) {
                outbox.add(m.kind(), m.destination(), m.payload(), m.dedupeKey(), id, "PENDING", 0L, at, at);
            }
        }
        rows.execute(c);
    }
}
