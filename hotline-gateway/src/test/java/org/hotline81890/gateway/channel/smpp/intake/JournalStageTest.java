package org.hotline81890.gateway.channel.smpp.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.gateway.sms.DedupWindow;
import org.hotline81890.gateway.sms.InMemoryInboundJournal;
import org.hotline81890.gateway.sms.InboundJournal;
import org.hotline81890.gateway.sms.InMemorySmsStore;
import org.hotline81890.gateway.sms.JournaledSms;
import org.hotline81890.gateway.sms.HeldReply;
import org.hotline81890.gateway.sms.InMemoryHeldReplies;
import org.hotline81890.gateway.sms.ReplyKeys;
import org.hotline81890.gateway.sms.ReplyWindow;
import org.hotline81890.gateway.sms.SurveyReplies;
import org.hotline81890.gateway.testing.ManualClock;
import org.hotline81890.gateway.workorder.AddressQuestion;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.EventPublisher;
import org.hotline81890.gateway.workorder.HeldAnswers;
import org.hotline81890.gateway.workorder.HintsClassifier;
import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.JobCommands;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.ServiceLevels;
import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.hotline81890.gateway.workorder.Survey;
import org.hotline81890.gateway.workorder.SurveyWait;
import org.hotline81890.gateway.workorder.InMemoryDeadlineStore;
import org.hotline81890.gateway.workorder.Tracker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stage behind the journal (issue 18) on the in-memory journal: order per sender, leases, re-processing. */
class JournalStageTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration ASKED_WITHIN = Duration.ofHours(48);
    private static final ServiceLevels LEVELS = new ServiceLevels(Duration.ofHours(1), Duration.ofDays(1),
            Duration.ofHours(72));
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T08:00:00Z"));
    private final InMemoryInboundJournal journal = new InMemoryInboundJournal(clock);
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private int seq;

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private JournalStage stage(InboundSmsHandler intake) {
        return new JournalStage(journal, intake, threads, clock, 500, LEASE);
    }

    /** An intake where {@code lanes} texts must be inside at once to get through: counts those that met. */
    private static InboundSmsHandler meetingOf(int lanes, AtomicInteger met) {
        CountDownLatch allIn = new CountDownLatch(lanes);
        return sms -> {
            allIn.countDown();
            try {
                if (allIn.await(10, TimeUnit.SECONDS)) {
                    met.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new InboundOutcome.Committed("T");
        };
    }

    private JournaledSms text(String from, String body) {
        return new JournaledSms(0, "sms:k" + (++seq), from, "81890", body, clock.instant(), 1, 1);
    }

    @Test
    void textsOfOneSenderRunInJournalOrderOneAtATimeAndSendersSideBySide() throws Exception {
        List<JournaledSms> texts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            texts.add(text("8613800000001", "a" + i));
            texts.add(text("8613800000002", "b" + i));
        }
        journal.append(texts);
        Map<String, List<String>> seen = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> inside = new ConcurrentHashMap<>();
        AtomicInteger overlapSameSender = new AtomicInteger();
        // a0 and b0 meet at the barrier: only possible when the two senders run side by side
        CyclicBarrier bothFirst = new CyclicBarrier(2);
        AtomicBoolean metSideBySide = new AtomicBoolean();
        InboundSmsHandler intake = sms -> {
            AtomicInteger in = inside.computeIfAbsent(sms.source(), s -> new AtomicInteger());
            if (in.incrementAndGet() > 1) {
                overlapSameSender.incrementAndGet();
            }
            try {
                if (sms.text().endsWith("0")) {
                    bothFirst.await(10, TimeUnit.SECONDS);
                    metSideBySide.set(true);
                }
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                // the two senders did not run side by side: metSideBySide stays false
            }
            seen.computeIfAbsent(sms.source(), s -> new CopyOnWriteArrayList<>()).add(sms.text());
            in.decrementAndGet();
            return new InboundOutcome.Committed("T");
        };

        assertThat(stage(intake).round()).isEqualTo(10);

        assertThat(seen.get("8613800000001")).containsExactly("a0", "a1", "a2", "a3", "a4");
        assertThat(seen.get("8613800000002")).containsExactly("b0", "b1", "b2", "b3", "b4");
        assertThat(overlapSameSender).hasValue(0);
        assertThat(metSideBySide).isTrue();
        assertThat(journal.pending()).isZero();
    }

    @Test
    void aRowProcessedTwiceOpensOneOrderAndKeepsOneReply() throws Exception {
        InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
        SmsIntake intake = realIntake(store);
        journal.append(List.of(text("8613800000003", "楼道灯坏了")));
        // the first stage opens the order, then dies before marking the row done (its done() fails)
        JournalStage first = stage(sms -> {
            InboundOutcome out = intake.handle(sms);
            journal.down = true;
            return out;
        });
        assertThatThrownBy(first::round).isInstanceOf(StorageUnavailableException.class);
        journal.down = false;
        assertThat(store.listByCaller("8613800000003", 10)).hasSize(1);

        JournalStage second = stage(intake);
        assertThat(second.round()).as("still leased by the dead stage").isZero();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(second.round()).isEqualTo(1);

        assertThat(store.listByCaller("8613800000003", 10)).hasSize(1);
        List<OutboxEntry> replies = store.claimDue(clock.instant().plusSeconds(1), 100, Duration.ofMinutes(1));
        assertThat(replies).filteredOn(e -> e.message().destination().equals("8613800000003")).hasSize(1);
        assertThat(journal.pending()).isZero();
    }

    @Test
    void aRowLeasedByAStageThatDiedComesBackWhenTheLeaseEnds() throws Exception {
        journal.append(List.of(text("8613800000004", "噪音扰民")));
        journal.ticketed(journal.fresh(10).stream().map(JournaledSms::id).toList());
        assertThat(journal.claim(10, LEASE)).hasSize(1); // a stage that was killed right after
        RecordingInboundHandler intake = new RecordingInboundHandler();
        JournalStage stage = stage(intake);
        clock.advance(LEASE.minusSeconds(1));
        assertThat(stage.round()).isZero();
        assertThat(intake.calls).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(stage.round()).isEqualTo(1);
        assertThat(intake.committedTexts()).containsExactly("噪音扰民");
        assertThat(journal.pending()).isZero();
    }

    @Test
    void aRowWhoseIntakeSaidRetryComesBackAfterASecondNotTheLease() throws Exception {
        journal.append(List.of(text("8613800000005", "井盖丢了")));
        RecordingInboundHandler intake = new RecordingInboundHandler();
        intake.retriesLeft.set(1);
        JournalStage stage = stage(intake);
        assertThat(stage.round()).isEqualTo(1);
        assertThat(journal.pending()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1500));
        assertThat(stage.round()).isEqualTo(1);
        assertThat(intake.committedTexts()).containsExactly("井盖丢了");
        assertThat(journal.pending()).isZero();
    }

    @Test
    void whileAcksAreBusyOneTextIsInTheIntakeAtATimeAndAllWhenTheyAreQuiet() throws Exception {
        List<JournaledSms> texts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            texts.add(text("86138000001" + (10 + i), "t" + i));
        }
        journal.append(texts);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicBoolean busy = new AtomicBoolean(true);
        JournalStage stage = stage(sms -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
            return new InboundOutcome.Committed("T");
        });
        stage.yieldTo(busy::get, 1, LEASE);
        assertThat(stage.round()).isEqualTo(12);
        assertThat(most).as("acks busy: one intake at a time").hasValue(1);

        // quiet: the lanes run side by side (all four meet at the latch, else none gets through)
        texts.clear();
        for (int i = 0; i < 4; i++) {
            texts.add(text("86139000001" + (10 + i), "q" + i));
        }
        journal.append(texts);
        busy.set(false);
        AtomicInteger met = new AtomicInteger();
        JournalStage quiet = stage(meetingOf(4, met));
        quiet.yieldTo(busy::get, 1, LEASE);
        assertThat(quiet.round()).isEqualTo(4);
        assertThat(met).hasValue(4);
    }

    /**
     * The ticket pass before the matcher (ADR 0050): while a pass runs for texts just acknowledged, a lane starts no
     * new text; it goes on once that pass has ended.
     */
    @Test
    void aLaneStartsNoNewTextWhileTheTicketPassRunsAndGoesOnOnceItEnded() throws Exception {
        journal.append(List.of(text("8613800000031", "a0"), text("8613800000031", "a1")));
        AtomicBoolean slowPass = new AtomicBoolean();
        CountDownLatch inPass = new CountDownLatch(1);
        CountDownLatch passMayEnd = new CountDownLatch(1);
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        List<String> entered = new CopyOnWriteArrayList<>();
        JournalStage stage = new JournalStage(passBlockingWhile(slowPass, inPass, passMayEnd), sms -> {
            entered.add(sms.text());
            if (sms.text().equals("a0")) {
                firstIn.countDown();
                awaitQuietly(firstMayEnd);
            }
            return new InboundOutcome.Committed("T");
        }, threads, clock, 500, LEASE);
        var round = threads.submit(stage::round);
        assertThat(firstIn.await(10, TimeUnit.SECONDS)).isTrue();

        journal.append(List.of(text("8613800000032", "b0"))); // acknowledged now: its pass is under way
        stage.wake();
        slowPass.set(true);
        var pass = threads.submit(stage::ticketRound);
        assertThat(inPass.await(10, TimeUnit.SECONDS)).isTrue();
        firstMayEnd.countDown();
        Thread.sleep(300);
        assertThat(entered).as("a1 waits for the ticket pass").containsExactly("a0");

        passMayEnd.countDown();
        assertThat(pass.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(round.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(entered).containsExactly("a0", "a1");
    }

    /** The test's journal, whose ticket pass ({@code fresh}) waits for {@code mayEnd} while {@code slow} is set. */
    private InboundJournal passBlockingWhile(AtomicBoolean slow, CountDownLatch inPass, CountDownLatch mayEnd) {
        return new InboundJournal() {
            @Override
            public void append(List<JournaledSms> texts) {
                journal.append(texts);
            }

            @Override
            public List<JournaledSms> fresh(int limit) {
                if (slow.get()) {
                    inPass.countDown();
                    awaitQuietly(mayEnd);
                }
                return journal.fresh(limit);
            }

            @Override
            public void ticketed(List<Long> ids) {
                journal.ticketed(ids);
            }

            @Override
            public List<JournaledSms> claim(int limit, Duration lease) {
                return journal.claim(limit, lease);
            }

            @Override
            public void done(List<Long> ids) {
                journal.done(ids);
            }

            @Override
            public void retryLater(List<Long> ids, Duration after) {
                journal.retryLater(ids, after);
            }

            @Override
            public int purgeDoneBefore(Instant cutoff) {
                return journal.purgeDoneBefore(cutoff);
            }

            @Override
            public Lag lag() {
                return journal.lag();
            }
        };
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void textsThatWaitedLongerThanTheMaxLagGetEveryLaneWhileAcksAreBusy() throws Exception {
        List<JournaledSms> texts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            texts.add(text("86136000001" + (10 + i), "l" + i));
        }
        journal.append(texts);
        clock.advance(Duration.ofSeconds(31)); // a sustained flow kept the acks busy while these waited
        AtomicInteger met = new AtomicInteger();
        JournalStage stage = stage(meetingOf(4, met));
        stage.yieldTo(() -> true, 1, Duration.ofSeconds(30));
        assertThat(stage.round()).isEqualTo(4);
        assertThat(met).as("behind by more than the max lag: side by side").hasValue(4);
    }

    /**
     * Paused for the acks (0 intakes while busy, docs/sms.md "Fourth pass"): nothing is matched while the appender is
     * busy; the texts go as soon as the acks are quiet, or once the oldest waited the max lag, busy or not.
     */
    @Test
    void aStagePausedForTheAcksTakesNothingWhileTheyAreBusyAndEverythingOnceQuietOrBehind() throws Exception {
        journal.append(List.of(text("8613500000110", "p0"), text("8613500000111", "p1")));
        AtomicBoolean busy = new AtomicBoolean(true);
        AtomicInteger processed = new AtomicInteger();
        JournalStage stage = stage(sms -> {
            processed.incrementAndGet();
            return new InboundOutcome.Committed("T");
        });
        stage.yieldTo(busy::get, 0, Duration.ofSeconds(30));
        ExecutorService roundThread = Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Integer> round = roundThread.submit(stage::round);
            assertThatThrownBy(() -> round.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(processed).as("acks busy: nothing in the intake").hasValue(0);
            busy.set(false);
            assertThat(round.get(10, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(processed).hasValue(2);

            journal.append(List.of(text("8613500000112", "p2")));
            busy.set(true);
            java.util.concurrent.Future<Integer> behind = roundThread.submit(stage::round);
            assertThatThrownBy(() -> behind.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            clock.advance(Duration.ofSeconds(31)); // a flood longer than the max lag: the oldest text goes anyway
            assertThat(behind.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(processed).hasValue(3);
        } finally {
            roundThread.shutdownNow();
        }
    }

    @Test
    void busyAcksStillLetOneIntakeThroughAndAcksGoingQuietMidRoundReleaseTheRest() throws Exception {
        List<JournaledSms> texts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            texts.add(text("86137000001" + (10 + i), "r" + i));
        }
        journal.append(texts);
        AtomicBoolean busy = new AtomicBoolean(true);
        AtomicInteger processed = new AtomicInteger();
        JournalStage stage = stage(sms -> {
            if (processed.incrementAndGet() == 2) {
                busy.set(false); // the flood ended while the stage was draining
            }
            return new InboundOutcome.Committed("T");
        });
        stage.yieldTo(busy::get, 1, LEASE);
        assertThat(stage.round()).isEqualTo(6);
        assertThat(processed).hasValue(6);
        assertThat(journal.pending()).isZero();
    }

    @Test
    void aTextIsJudgedWhenItArrivedNotWhenTheStageGotToIt() throws Exception {
        InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
        Tracker tracker = new Tracker(store, LEVELS, EventPublisher.NONE, clock);
        String caller = "8613800000006";
        WorkOrder order = ((IntakeResult.Accepted) new Intake(store, new HintsClassifier(), LEVELS,
                EventPublisher.NONE, clock).receive(IntakeRequest.of("sms:first", Channel.SMS, caller, "水管漏水")
                .withHints(Optional.empty(), Optional.of("RP-01"), Optional.empty()))).workOrder();
        for (WorkOrderState s : List.of(WorkOrderState.OFFERED, WorkOrderState.ACCEPTED, WorkOrderState.COMPLETED)) {
            tracker.move(order.id(), s, "test", Channel.SYSTEM, "test", x -> List.of());
        }
        InMemoryHeldReplies held = new InMemoryHeldReplies(store, clock);
        SurveyReplies replies = new SurveyReplies(held, new HintsClassifier(),
                new ReplyWindow(true, ASKED_WITHIN, Duration.ofHours(24)), clock);
        // acknowledged a minute before the reply window closed; the stage gets to it 30 s after it closed
        clock.advance(ASKED_WITHIN.minusMinutes(1));
        journal.append(List.of(text(caller, "师傅来过了但是水管还在漏")));
        clock.advance(Duration.ofSeconds(90));

        assertThat(stage(realIntake(store, Optional.of(replies))).round()).isEqualTo(1);

        assertThat(store.listByCaller(caller, 10)).as("a reply to the order, not a new request").hasSize(1);
        assertThat(held.waiting(10)).singleElement()
                .satisfies(h -> assertThat(h.workOrder()).isEqualTo(order.id()));
    }

    /**
     * A text given back for retry (its intake said storage was down) is not overtaken by the sender's newer texts:
     * not by those claimed with it, nor by one claimed while it waits for its retry; other senders go on.
     */
    @Test
    void aTextGivenBackForRetryIsNotOvertakenByItsSendersNewerTexts() throws Exception {
        journal.append(List.of(text("8613800000009", "a1"), text("8613800000009", "a2"), text("8613800000010", "b1")));
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean down = new AtomicBoolean(true);
        JournalStage stage = stage(sms -> {
            seen.add(sms.text());
            return sms.text().equals("a1") && down.getAndSet(false) ? new InboundOutcome.Retry("storage down")
                    : new InboundOutcome.Committed("T");
        });

        assertThat(stage.round()).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrder("a1", "b1");
        journal.append(List.of(text("8613800000009", "a3")));
        assertThat(stage.round()).as("a3 claimed while a1 waits for its retry").isEqualTo(1);
        assertThat(seen).containsExactlyInAnyOrder("a1", "b1");

        clock.advance(Duration.ofMillis(1500));
        assertThat(stage.round()).isEqualTo(3);
        assertThat(seen.stream().filter(t -> t.startsWith("a")).toList()).containsExactly("a1", "a1", "a2", "a3");
        assertThat(journal.pending()).isZero();
    }

    /** ADR 0036: an order opened behind a backlog is received, and promised, when the text arrived. */
    @Test
    void anOrderIsReceivedAndPromisedFromTheTextsArrivalNotFromWhenTheStageGotToIt() throws Exception {
        InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
        JournaledSms sent = text("8613800000008", "路灯坏了");
        journal.append(List.of(sent));
        clock.advance(Duration.ofMinutes(10));

        assertThat(stage(realIntake(store)).round()).isEqualTo(1);

        WorkOrder w = store.listByCaller("8613800000008", 10).get(0);
        assertThat(w.createdAt()).isEqualTo(sent.receivedAt());
        assertThat(w.deadlines().respondBy()).contains(sent.receivedAt().plus(LEVELS.respondWithin()));
        assertThat(w.deadlines().completeBy()).contains(sent.receivedAt().plus(LEVELS.completeWithin()));
    }

    /**
     * ADR 0036: "3" (不满意) acknowledged before the survey wait ran out, still in the journal when the deadline fires.
     * The deadline must not close the order as unanswered; the answer, processed after it, reopens the order.
     */
    @Test
    void aSurveyAnswerSentInTimeReopensTheOrderHoweverLateTheStageGetsToIt() throws Exception {
        InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
        Tracker tracker = new Tracker(store, LEVELS, EventPublisher.NONE, clock);
        InMemoryDeadlineStore deadlines = new InMemoryDeadlineStore();
        SurveyWait wait = new SurveyWait(store, tracker, deadlines, "work_order", journal, HeldAnswers.NONE,
                Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofHours(24), clock);
        String caller = "8613800000007";
        WorkOrder order = ((IntakeResult.Accepted) new Intake(store, new HintsClassifier(), LEVELS,
                EventPublisher.NONE, clock).receive(IntakeRequest.of("sms:job", Channel.SMS, caller, "水管漏水")
                .withHints(Optional.empty(), Optional.of("RP-01"), Optional.empty()))).workOrder();
        for (WorkOrderState s : List.of(WorkOrderState.OFFERED, WorkOrderState.ACCEPTED, WorkOrderState.COMPLETED)) {
            tracker.move(order.id(), s, "test", Channel.SYSTEM, "test", x -> List.of());
        }
        clock.advance(LEVELS.surveyWait().minusMinutes(1));
        journal.append(List.of(text(caller, "3")));
        clock.advance(Duration.ofMinutes(2)); // the deadline is a minute past, the stage still behind

        assertThat(wait.fire(order.id())).as("an answer arrived in time is still in the journal").isEmpty();
        assertThat(store.find(order.id()).orElseThrow().state()).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(deadlines.claimDue(clock.instant().plusSeconds(5), 10, LEASE)).as("looked at again soon")
                .singleElement().extracting(d -> d.dueAt()).isEqualTo(clock.instant().plusSeconds(5));

        assertThat(stage(realIntake(store)).round()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(5));
        assertThat(wait.fire(order.id())).isEmpty();

        assertThat(store.find(order.id()).orElseThrow().state()).isEqualTo(WorkOrderState.REOPENED);
        assertThat(store.history(order.id())).extracting(e -> e.details())
                .contains(Survey.ANSWER_DETAILS + "不满意").noneMatch(d -> d.contains("no reply"));
    }

    /**
     * ADR 0024 with ADR 0036: an answer in words sent before the survey wait ran out, processed by the stage after it
     * and held for an agent, is the order's reply: the deadline does not close the order as "no reply" while the
     * agent has the text, and closes it only after the agent decided it was no answer (dismissed).
     */
    @Test
    void anAnswerInWordsSentInTimeAndHeldForAnAgentKeepsTheOrderOpenUntilTheAgentDecides() throws Exception {
        InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(clock);
        Tracker tracker = new Tracker(store, LEVELS, EventPublisher.NONE, clock);
        InMemoryDeadlineStore deadlines = new InMemoryDeadlineStore();
        InMemoryHeldReplies held = new InMemoryHeldReplies(store, clock);
        SurveyWait wait = new SurveyWait(store, tracker, deadlines, "work_order", journal, held,
                Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofHours(24), clock);
        // as shipped: the reply window is as long as the survey wait (smpp.reply-hold.asked-within, sla.survey-wait)
        SurveyReplies replies = new SurveyReplies(held, new HintsClassifier(),
                new ReplyWindow(true, LEVELS.surveyWait(), Duration.ofHours(24)), clock);
        String caller = "8613800000011";
        WorkOrder order = ((IntakeResult.Accepted) new Intake(store, new HintsClassifier(), LEVELS,
                EventPublisher.NONE, clock).receive(IntakeRequest.of("sms:pipe", Channel.SMS, caller, "水管漏水")
                .withHints(Optional.empty(), Optional.of("RP-01"), Optional.empty()))).workOrder();
        for (WorkOrderState s : List.of(WorkOrderState.OFFERED, WorkOrderState.ACCEPTED, WorkOrderState.COMPLETED)) {
            tracker.move(order.id(), s, "test", Channel.SYSTEM, "test", x -> List.of());
        }
        Instant due = store.find(order.id()).orElseThrow().deadlines().surveyAt().orElseThrow();
        clock.set(due.minusSeconds(30));
        JournaledSms words = text(caller, "师傅来过了但是水管还在漏");
        journal.append(List.of(words));
        clock.set(due.plusSeconds(40)); // the stage gets to it 40 s after the deadline

        assertThat(stage(realIntake(store, Optional.of(replies))).round()).isEqualTo(1);
        assertThat(held.waiting(10)).singleElement().satisfies(h -> {
            assertThat(h.workOrder()).isEqualTo(order.id());
            assertThat(h.receivedAt()).as("held as of its arrival").isEqualTo(words.receivedAt());
        });

        assertThat(wait.fire(order.id())).as("the agent still has the resident's answer").isEmpty();
        clock.advance(Duration.ofHours(2));
        assertThat(wait.fire(order.id())).as("however long the agent takes").isEmpty();
        assertThat(store.find(order.id()).orElseThrow().state()).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(deadlines.claimDue(clock.instant().plus(Duration.ofMinutes(1)), 10, LEASE))
                .as("looked at again at an agent's pace").extracting(d -> d.dueAt())
                .contains(clock.instant().plus(Duration.ofMinutes(1)));

        HeldReply h = held.waiting(10).getFirst();
        held.decide(h.id(), HeldReply.State.DISMISSED, "agent", Optional.of("不是评价"), clock.instant());
        clock.advance(Duration.ofMinutes(1));
        assertThat(wait.fire(order.id())).as("the agent decided it was no answer").get()
                .extracting(WorkOrder::state).isEqualTo(WorkOrderState.CLOSED);
        assertThat(store.history(order.id()).getLast().details()).contains("no reply");
    }

    /** The real SMS intake on in-memory stores: idempotent on the message key. */
    private SmsIntake realIntake(InMemoryWorkOrderStore store) {
        return realIntake(store, Optional.empty());
    }

    private SmsIntake realIntake(InMemoryWorkOrderStore store, Optional<SurveyReplies> replies) {
        Tracker tracker = new Tracker(store, LEVELS, EventPublisher.NONE, clock);
        InMemorySmsStore sms = new InMemorySmsStore();
        return new SmsIntake(new SmsIntake.Parts(new Intake(store, new HintsClassifier(), LEVELS,
                EventPublisher.NONE, clock), store, new Survey(store, tracker), store, JobCommands.NONE, sms, sms,
                new InboundLimiter(100, Duration.ofMinutes(10), clock), DedupWindow.NONE, ReplyKeys.NONE,
                new AddressQuestion(store, tracker, code -> false, (w, a) -> List.of()), clock), replies);
    }
}
