package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.hotline81890.directory.RequestType;
import org.hotline81890.gateway.sms.AcceptedPart;
import org.hotline81890.gateway.sms.DeliveryReceipt;
import org.hotline81890.gateway.sms.PartKey;
import org.hotline81890.gateway.sms.PartStore;
import org.hotline81890.gateway.sms.StagedPart;
import org.hotline81890.gateway.storage.mysql.MySqlWorkOrderStore.PendingCreate;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Deadlines;
import org.hotline81890.gateway.workorder.EventDraft;
import org.hotline81890.gateway.workorder.NewWorkOrder;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore.Created;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SMS channel's MySQL adapters and the group-commit batch insert, on real MariaDB. */
class MySqlSmsStoreIT {
    private static TestDatabase db;
    private static MySqlWorkOrderStore store;
    private static MySqlPartStore parts;
    private static MySqlSmsStore sms;

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        store = new MySqlWorkOrderStore(db.database().transactions(), Clock.systemUTC(), new SecureRandom());
        parts = new MySqlPartStore(db.database().transactions(), Clock.systemUTC());
        sms = new MySqlSmsStore(db.database().transactions(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static PendingCreate pending(String key) {
        Instant due = Instant.now().plusSeconds(600);
        NewWorkOrder o = new NewWorkOrder(key, Channel.SMS, "8613800001111", RequestType.HELP, "text " + key,
                Optional.of("S001"), Area.UNKNOWN, Priority.NORMAL, new Deadlines(Optional.of(due), Optional.of(due),
                Optional.empty()), WorkOrderState.MATCHED);
        return new PendingCreate(o, List.of(new EventDraft("sms", Channel.SMS, WorkOrderState.RECEIVED, "in"),
                new EventDraft("directory", Channel.SMS, WorkOrderState.MATCHED, "matched")),
                w -> List.of(new OutboxMessage("sms", w.callerNumber(), "ticket " + w.ticket(), "ack:" + key)));
    }

    @Test
    void createAllStoresABatchOnceAndReportsKnownKeysAsNotFresh() {
        store.create(pending("b-known").order(), pending("b-known").events(), pending("b-known").effects());
        List<Created> out = store.createAll(List.of(pending("b-1"), pending("b-known"), pending("b-2"),
                pending("b-1")));
        assertThat(out).extracting(Created::fresh).containsExactly(true, false, true, false);
        assertThat(out.get(3).workOrder().id()).isEqualTo(out.get(0).workOrder().id());
        var stored = store.findByIdempotencyKey("b-2").orElseThrow();
        assertThat(stored.ticket()).isEqualTo(out.get(2).workOrder().ticket());
        assertThat(stored.state()).isEqualTo(WorkOrderState.MATCHED);
        assertThat(store.history(stored.id())).extracting(e -> e.to()).containsExactly(WorkOrderState.RECEIVED,
                WorkOrderState.MATCHED);
        assertThat(new MySqlOutbox(db.database().transactions(), Clock.systemUTC()).status("ack:b-2")).isPresent();
        assertThat(store.createAll(List.of(pending("b-2"))).get(0).fresh()).isFalse();
    }

    @Test
    void createAllDrawsAgainOnlyTheTicketsThatAreTakenAlready() {
        // Every other ticket drawn is one stored already: drawing the whole batch anew on each attempt (as before)
        // collides every time; looking the drawn tickets up and replacing the taken ones stores it at once.
        String taken = store.create(pending("t-taken").order(), pending("t-taken").events(),
                pending("t-taken").effects()).workOrder().ticket().value();
        MySqlWorkOrderStore scripted = new MySqlWorkOrderStore(db.database().transactions(), Clock.systemUTC(),
                new TakenEveryOtherDraw(taken.substring(0, 8)));
        List<Created> out = scripted.createAll(List.of(pending("t-1"), pending("t-2"), pending("t-3")));
        assertThat(out).extracting(Created::fresh).containsExactly(true, true, true);
        assertThat(out).extracting(c -> c.workOrder().ticket().value()).doesNotHaveDuplicates()
                .doesNotContain(taken);
        for (Created c : out) {
            assertThat(store.findByTicket(c.workOrder().ticket())).map(w -> w.idempotencyKey())
                    .contains(c.workOrder().idempotencyKey());
        }
    }

    /** Draws ticket bodies for {@code TicketNumber.random}: the taken body, then a new one, and so on. */
    private static final class TakenEveryOtherDraw implements RandomGenerator {
        private final String takenBody;
        private int draws;
        private String body = "";

        TakenEveryOtherDraw(String takenBody) {
            this.takenBody = takenBody;
        }

        @Override
        public int nextInt(int bound) {
            if (bound == 9) {
                body = draws++ % 2 == 0 ? takenBody : "9" + String.format("%07d", 7_300_000 + draws);
                return body.charAt(0) - '1';
            }
            return Integer.parseInt(body.substring(1));
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("tickets draw with nextInt(bound) only");
        }
    }

    @Test
    void createAllWritesTextWithQuotesBackslashesAndControlCharactersExactly() {
        String nasty = "它's \\ \"x\" ' OR 1=1; -- \0 nul \n nl \r cr \u001a sub \\' 😀 end\\";
        Instant due = Instant.now().plusSeconds(600);
        NewWorkOrder o = new NewWorkOrder("lit-1", Channel.SMS, "8613800001111", RequestType.HELP, nasty,
                Optional.empty(), new Area(Optional.of("区'\\"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("地址\n'")), Priority.NORMAL, new Deadlines(Optional.of(due), Optional.empty(),
                Optional.empty()), WorkOrderState.MATCHED);
        store.createAll(List.of(new PendingCreate(o, List.of(new EventDraft("sms", Channel.SMS,
                WorkOrderState.MATCHED, nasty)), w -> List.of(new OutboxMessage("sms", w.callerNumber(), nasty,
                "lit:" + nasty)))));
        var stored = store.findByIdempotencyKey("lit-1").orElseThrow();
        assertThat(stored.text()).isEqualTo(nasty);
        assertThat(stored.area().district()).contains("区'\\");
        assertThat(stored.area().address()).contains("地址\n'");
        assertThat(stored.serviceCode()).isEmpty();
        assertThat(stored.deadlines().respondBy()).isPresent();
        assertThat(stored.deadlines().completeBy()).isEmpty();
        assertThat(store.history(stored.id())).extracting(e -> e.details()).containsExactly(nasty);
        assertThat(new MySqlOutbox(db.database().transactions(), Clock.systemUTC()).status("lit:" + nasty))
                .isPresent();
    }

    @Test
    void partsOfACompletedMessageAreRecognisedWhenRedelivered() {
        PartKey key = new PartKey("8613800002222", "81890", 9);
        StagedPart p1 = new StagedPart(key, 1, 2, "甲", "fp", Optional.empty(), Instant.now());
        StagedPart p2 = new StagedPart(key, 2, 2, "乙", "fp", Optional.empty(), Instant.now());
        assertThat(parts.save(p1)).isEqualTo(PartStore.Saved.STAGED);
        assertThat(parts.save(p1)).isEqualTo(PartStore.Saved.STAGED);
        assertThat(parts.save(p2)).isEqualTo(PartStore.Saved.STAGED);
        assertThat(parts.load(key)).hasSize(2);
        parts.delete(key);
        assertThat(parts.load(key)).isEmpty();
        assertThat(parts.save(p2)).isEqualTo(PartStore.Saved.ALREADY_COMPLETED);
        assertThat(parts.keysStagedBefore(Instant.now().plusSeconds(60))).doesNotContain(key);
        assertThat(parts.save(new StagedPart(key, 1, 2, "丙", "fp", Optional.empty(), Instant.now())))
                .isEqualTo(PartStore.Saved.STAGED);
        assertThat(parts.load(key)).extracting(StagedPart::text).containsExactly("丙");
    }

    @Test
    void acceptedPartsAreRecordedAndReceiptsMarkThem() {
        sms.recordAccepted(42, 1, 2, "m-a", "8613800003333");
        sms.recordAccepted(42, 2, 2, "m-b", "8613800003333");
        sms.recordAccepted(42, 2, 2, "m-b", "8613800003333");
        assertThat(sms.accepted(42)).containsExactly(java.util.Map.entry(1, "m-a"), java.util.Map.entry(2, "m-b"));
        DeliveryReceipt ok = new DeliveryReceipt("m-a", DeliveryReceipt.Status.DELIVERED, Optional.of("000"),
                Optional.empty(), Optional.empty(), "8613800003333", "81890");
        DeliveryReceipt bad = new DeliveryReceipt("m-b", DeliveryReceipt.Status.UNDELIVERABLE, Optional.of("001"),
                Optional.empty(), Optional.empty(), "8613800003333", "81890");
        assertThat(sms.applyReceipt(ok)).isEqualTo(1);
        assertThat(sms.applyReceipt(ok)).isZero();
        sms.applyReceipt(bad);
        assertThat(sms.submissionState("m-a")).contains("DELIVERED");
        assertThat(sms.submissionState("m-b")).contains("FAILED");
    }

    @Test
    void partsOfManyRepliesAreRecordedInOneGoAndARepeatIsIgnored() {
        sms.recordAllAccepted(List.of(new AcceptedPart(77, 1, 1, "m-x", "8613800005555"),
                new AcceptedPart(78, 1, 2, "m-y", "8613800006666"),
                new AcceptedPart(78, 2, 2, "m-z", "8613800006666")));
        sms.recordAllAccepted(List.of(new AcceptedPart(78, 2, 2, "m-z", "8613800006666"),
                new AcceptedPart(79, 1, 1, "m-w", "8613800007777")));
        assertThat(sms.accepted(77)).containsExactly(java.util.Map.entry(1, "m-x"));
        assertThat(sms.accepted(78)).containsExactly(java.util.Map.entry(1, "m-y"), java.util.Map.entry(2, "m-z"));
        assertThat(sms.accepted(79)).containsExactly(java.util.Map.entry(1, "m-w"));
        assertThat(sms.submissionState("m-y")).contains("SUBMITTED");
    }
}
