package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hotline81890.directory.RequestType;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Deadlines;
import org.hotline81890.gateway.workorder.EventDraft;
import org.hotline81890.gateway.workorder.NewWorkOrder;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tickets reserved for SMS requests before their orders (ADR 0047) on real MariaDB, and the orders taking them. */
class MySqlTicketReservationsIT {
    private static TestDatabase db;
    private static MySqlTicketReservations tickets;
    private static MySqlWorkOrderStore store;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        tickets = new MySqlTicketReservations(db.database().transactions(), new SecureRandom());
        store = new MySqlWorkOrderStore(db.database().transactions(), Clock.systemUTC(), new SecureRandom());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static String key() {
        return "smsc:" + UUID.randomUUID();
    }

    private static NewWorkOrder order(String key, Optional<TicketNumber> ticket) {
        return new NewWorkOrder(key, Channel.SMS, "8613800001111", RequestType.HELP, "路灯不亮", Optional.empty(),
                Area.UNKNOWN, Priority.NORMAL, new Deadlines(Optional.empty(), Optional.empty(), Optional.empty()),
                WorkOrderState.RECEIVED, Optional.empty(), ticket);
    }

    private static WorkOrder create(NewWorkOrder o) {
        return store.create(o, List.of(new EventDraft("sms", Channel.SMS, WorkOrderState.RECEIVED, "in")),
                w -> List.of()).workOrder();
    }

    @Test
    void aKeyKeepsItsTicketDistinctKeysGetDistinctOnesAndAnOrderedKeyNone() {
        String a = key();
        String b = key();
        String ordered = key();
        create(order(ordered, Optional.empty()));

        Map<String, TicketNumber> first = tickets.reserve(List.of(a, b, a, ordered), Instant.now());
        assertThat(first).containsOnlyKeys(a, b);
        assertThat(first.get(a)).isNotEqualTo(first.get(b));
        assertThat(tickets.reserve(List.of(b, a), Instant.now())).isEqualTo(first);
        assertThat(tickets.reserved(List.of(a, ordered, key()))).containsOnlyKeys(a).containsEntry(a, first.get(a));
    }

    @Test
    void theOrderOpensUnderTheReservedTicketAndAReservedTicketIsNeverDrawnForAnotherOrder() {
        String k = key();
        TicketNumber told = tickets.reserve(List.of(k), Instant.now()).get(k);
        assertThat(create(order(k, Optional.of(told))).ticket()).isEqualTo(told);
        assertThat(store.findByTicket(told)).map(WorkOrder::idempotencyKey).contains(k);
        // a reservation counts as taken when tickets are drawn (the lookup is the one freeTickets runs)
        List<String> taken = db.database().transactions().inTransaction(c -> BatchRows.freeTickets(c, 50,
                new FixedThenRandom(told))).stream().map(TicketNumber::value).toList();
        assertThat(taken).doesNotContain(told.value());
    }

    @Test
    void aToldTicketThatAnOrderHoldsAlreadyIsDrawnAnewSoTheOrderIsStored() {
        WorkOrder other = create(order(key(), Optional.empty()));
        WorkOrder w = create(order(key(), Optional.of(other.ticket())));
        assertThat(w.ticket()).isNotEqualTo(other.ticket());
    }

    /** Draws {@code first}'s body once, then random bodies. */
    private static final class FixedThenRandom implements java.util.random.RandomGenerator {
        private final SecureRandom random = new SecureRandom();
        private final java.util.ArrayDeque<Integer> fixed = new java.util.ArrayDeque<>();

        FixedThenRandom(TicketNumber first) {
            String v = first.value();
            fixed.add(v.charAt(0) - '1');
            fixed.add(Integer.parseInt(v.substring(1, 8)));
        }

        @Override
        public long nextLong() {
            return random.nextLong();
        }

        @Override
        public int nextInt(int bound) {
            return fixed.isEmpty() ? random.nextInt(bound) : fixed.poll();
        }
    }
}
