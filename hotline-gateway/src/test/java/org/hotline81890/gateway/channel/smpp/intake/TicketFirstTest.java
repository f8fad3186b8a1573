package org.hotline81890.gateway.channel.smpp.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.gateway.channel.smpp.pdu.InboundSms;
import org.hotline81890.gateway.sms.CountingHeldReplies;
import org.hotline81890.gateway.sms.DedupWindow;
import org.hotline81890.gateway.sms.HeldReplies;
import org.hotline81890.gateway.sms.InMemoryHeldReplies;
import org.hotline81890.gateway.sms.InMemoryInboundJournal;
import org.hotline81890.gateway.sms.InMemorySmsStore;
import org.hotline81890.gateway.sms.InMemoryTicketReservations;
import org.hotline81890.gateway.sms.JournaledSms;
import org.hotline81890.gateway.sms.ReplyKeys;
import org.hotline81890.gateway.sms.ReplyWindow;
import org.hotline81890.gateway.sms.SurveyReplies;
import org.hotline81890.gateway.testing.ManualClock;
import org.hotline81890.gateway.workorder.AddressQuestion;
import org.hotline81890.gateway.workorder.EventPublisher;
import org.hotline81890.gateway.workorder.HintsClassifier;
import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.JobCommands;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.RequestClassifier;
import org.hotline81890.gateway.workorder.ServiceLevels;
import org.hotline81890.gateway.workorder.Survey;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ticket first (issue 18, ADR 0047) on the in-memory journal, stores and the real SMS intake: the reply with the
 * ticket is queued before the matcher runs, the order takes that ticket, and nothing is doubled.
 */
class TicketFirstTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final ServiceLevels LEVELS = new ServiceLevels(Duration.ofHours(1), Duration.ofDays(1),
            Duration.ofHours(72));
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T08:00:00Z"));
    private final InMemoryInboundJournal journal = new InMemoryInboundJournal(clock);
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
    private final InMemoryTicketReservations tickets = new InMemoryTicketReservations(store);
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private int seq;
    private int looks;

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void theReplyWithTheTicketIsQueuedBeforeTheMatcherRunsAndTheOrderTakesThatTicket() throws Exception {
        CountDownLatch matching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HintsClassifier hints = new HintsClassifier();
        SmsIntake intake = intake(request -> {
            matching.countDown();
            await(release);
            return hints.classify(request);
        }, store, 100);
        JournalStage stage = stage(intake, store);
        journal.append(List.of(text("8613800000021", "楼道灯坏了，三天了")));

        Future<Integer> round = threads.submit(stage::round);
        assertThat(matching.await(10, TimeUnit.SECONDS)).as("the matcher was reached").isTrue();
        List<OutboxEntry> before = replies("8613800000021");
        assertThat(before).as("queued while the matcher still runs").hasSize(1);
        assertThat(store.listByCaller("8613800000021", 10)).isEmpty();
        TicketNumber told = ticketIn(before.getFirst().message().payload());

        release.countDown();
        assertThat(round.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        List<WorkOrder> orders = store.listByCaller("8613800000021", 10);
        assertThat(orders).extracting(WorkOrder::ticket).containsExactly(told);
        assertThat(replies("8613800000021")).as("the order wrote no second reply").hasSize(1);
        assertThat(journal.pending()).isZero();
    }

    @Test
    void aRedeliveryAndAPassRunTwiceShareOneTicketOneOrderAndOneReply() throws Exception {
        SmsIntake intake = intake(new HintsClassifier(), store, 100);
        JournalStage stage = stage(intake, store);
        JournaledSms once = text("8613800000022", "井盖丢了");
        journal.append(List.of(once, once)); // the SMSC redelivered it before the first ack reached it
        TicketFirst pass = new TicketFirst(intake, tickets, store, clock);
        pass.give(journal.fresh(10)); // a pass that died before it handed the rows on
        assertThat(stage.ticketRound()).isEqualTo(2);
        assertThat(stage.round()).isEqualTo(2);
        journal.append(List.of(once)); // and once more after the order was opened
        assertThat(stage.round()).isEqualTo(1);

        List<WorkOrder> orders = store.listByCaller("8613800000022", 10);
        assertThat(orders).hasSize(1);
        List<OutboxEntry> sent = replies("8613800000022");
        assertThat(sent).hasSize(1);
        assertThat(ticketIn(sent.getFirst().message().payload())).isEqualTo(orders.getFirst().ticket());
        assertThat(tickets.size()).isEqualTo(1);
    }

    @Test
    void aPassKilledBetweenTheTicketsCommitAndItsReplyLeavesTheNextPassTheSameTicketAndOneReply() throws Exception {
        SmsIntake intake = intake(new HintsClassifier(), store, 100);
        JournalStage stage = stage(intake, store);
        JournaledSms sent = text("8613800000023", "路灯不亮");
        journal.append(List.of(sent));
        TicketNumber reserved = tickets.reserve(List.of(sent.key()), clock.instant()).get(sent.key()); // then kill -9
        assertThat(replies("8613800000023")).isEmpty();
        assertThat(journal.claim(10, LEASE)).as("still new: the next pass looks again").isEmpty();

        assertThat(stage.round()).isEqualTo(1);

        List<OutboxEntry> replies = replies("8613800000023");
        assertThat(replies).hasSize(1);
        assertThat(ticketIn(replies.getFirst().message().payload())).isEqualTo(reserved);
        assertThat(store.listByCaller("8613800000023", 10)).extracting(WorkOrder::ticket).containsExactly(reserved);
    }

    @Test
    void commandsAndTextsOverTheSendersLimitTakeTheMatchersRoadWithoutATicket() throws Exception {
        SmsIntake intake = intake(new HintsClassifier(), store, 1);
        JournalStage stage = stage(intake, store);
        journal.append(List.of(text("8613800000024", "查询"), text("8613800000025", "楼道堵了"),
                text("8613800000025", "楼道还是堵着")));
        assertThat(stage.ticketRound()).isEqualTo(3);
        assertThat(tickets.size()).as("only the request within the limit").isEqualTo(1);
        assertThat(stage.round()).isEqualTo(3);

        assertThat(store.listByCaller("8613800000024", 10)).isEmpty();
        assertThat(replies("8613800000024")).hasSize(1); // the query's answer
        assertThat(store.listByCaller("8613800000025", 10)).hasSize(1); // the second text: a note on the first
        assertThat(replies("8613800000025")).hasSize(1);
    }

    @Test
    void aPassWritesTicketsRepliesAndMarksInOneUnitAndNamesTheRepliesToTheRelayOnlyAfterIt() throws Exception {
        SmsIntake intake = intake(new HintsClassifier(), store, 100);
        List<String> seen = new CopyOnWriteArrayList<>();
        JournalStage stage = new JournalStage(journal, intake, threads, clock, 500, LEASE);
        stage.ticketFirst(new TicketFirst(intake, tickets, store, clock, keys -> seen.add("relay told " + keys),
                work -> {
                    seen.add("begin");
                    work.run();
                    seen.add("in the unit: " + tickets.size() + " ticket, " + journal.fresh(10).size() + " new");
                    seen.add("commit");
                }));
        JournaledSms sent = text("8613800000027", "垃圾没人清运");
        journal.append(List.of(sent));

        assertThat(stage.ticketRound()).isEqualTo(1);

        assertThat(seen).containsExactly("begin", "in the unit: 1 ticket, 0 new", "commit",
                "relay told [sms-reply:" + sent.key() + "]");
        assertThat(replies("8613800000027")).hasSize(1);
    }

    @Test
    void thePassReadsTheReplyWindowThroughTheWindowItWasGivenNotTheIntakes() {
        InMemoryHeldReplies held = new InMemoryHeldReplies(store, clock);
        AtomicInteger intakeReads = new AtomicInteger();
        AtomicInteger passReads = new AtomicInteger();
        SmsIntake intake = intake(new HintsClassifier(), store, 100, Optional.of(window(held, intakeReads)));
        SmsIntake pass = intake.withReplyWindow(window(held, passReads));
        List<InboundSms> texts = List.of(JournalStage.inbound(text("8613800000026", "楼道灯坏了")));

        assertThat(pass.opensOrders(texts)).hasSize(1);

        assertThat(passReads.get()).as("the pass's own window (its lane, ADR 0054)").isPositive();
        assertThat(intakeReads.get()).as("the intake's window (the shared pool)").isZero();
        assertThat(intake.opensOrders(texts)).hasSize(1);
        assertThat(intakeReads.get()).isPositive();
    }

    /** A reply window over {@code held} that counts its reads of the caller's recent orders. */
    private SurveyReplies window(InMemoryHeldReplies held, AtomicInteger reads) {
        HeldReplies counted = new CountingHeldReplies(held, reads);
        return new SurveyReplies(counted, new HintsClassifier(), new ReplyWindow(true, Duration.ofHours(48),
                Duration.ofHours(24)), clock);
    }

    private JournalStage stage(SmsIntake intake, InMemoryWorkOrderStore outbox) {
        JournalStage stage = new JournalStage(journal, intake, threads, clock, 500, LEASE);
        stage.ticketFirst(new TicketFirst(intake, tickets, outbox, clock));
        return stage;
    }

    /** Every reply queued to {@code to} so far (each look claims them for a moment later than the last one's lease). */
    private List<OutboxEntry> replies(String to) {
        looks++;
        return store.claimDue(clock.instant().plus(Duration.ofMinutes(looks)), 100, Duration.ofSeconds(1)).stream()
                .filter(e -> e.message().destination().equals(to)).toList();
    }

    private static TicketNumber ticketIn(String reply) {
        int at = reply.indexOf("工单号") + 3;
        return TicketNumber.of(reply.substring(at, at + 11));
    }

    private JournaledSms text(String from, String body) {
        return new JournaledSms(0, "sms:t" + (++seq), from, "81890", body, clock.instant(), 1, 1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SmsIntake intake(RequestClassifier classifier, InMemoryWorkOrderStore orders, int limit) {
        return intake(classifier, orders, limit, Optional.empty());
    }

    private SmsIntake intake(RequestClassifier classifier, InMemoryWorkOrderStore orders, int limit,
                             Optional<SurveyReplies> window) {
        Tracker tracker = new Tracker(orders, LEVELS, EventPublisher.NONE, clock);
        InMemorySmsStore sms = new InMemorySmsStore();
        return new SmsIntake(new SmsIntake.Parts(new Intake(orders, classifier, LEVELS, EventPublisher.NONE, clock),
                orders, new Survey(orders, tracker), orders, JobCommands.NONE, sms, sms,
                new InboundLimiter(limit, Duration.ofMinutes(10), clock), DedupWindow.NONE, ReplyKeys.NONE,
                new AddressQuestion(orders, tracker, code -> false, (w, a) -> List.of()), clock), window);
    }
}
