package org.hotline81890.gateway.channel.smpp.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.hotline81890.gateway.channel.smpp.pdu.InboundSms;
import org.hotline81890.gateway.diagnostics.StageTimes;
import org.hotline81890.gateway.sms.InboundJournal;
import org.hotline81890.gateway.sms.JournaledSms;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Behind the journal (issue 18, ADR 0023): claims journal rows in batches, oldest first, hands each to the SMS
 * intake ({@code intake}, the same {@link SmsIntake} that ran before the ack until then: matching, commands, replies
 * and their keys are decided there and only there) and marks the rows done. The texts of one sender run one after
 * the other, in arrival order; different senders run side by side, so their orders share group commits. A row whose
 * intake answered Retry (storage down) comes back a second later (or when its lease ends), and the sender's newer
 * texts go back with it and wait for it (on this node; a row left leased by a stage that died is not waited for). A
 * row processed twice (a crash after its order's commit, before {@code done}) finds its order by the idempotency key:
 * one order, and the reply key it already had.
 *
 * <p>Acknowledgements come first: while {@link #yieldTo acks are busy} at most {@code busyConcurrency} texts are in
 * the intake at once (the matcher is milliseconds of CPU per text and the machine's cores are shared with the
 * deliver_sm path and the database); once the appends are quiet, every lane runs. Under a flood the journal absorbs
 * the burst and the stage drains it after. A sustained flow must not push the residents' replies back without end:
 * once the texts of a round waited longer than {@code maxLag} in the journal, every lane runs, acks busy or not.
 *
 * <p>The ticket pass comes before the matcher (ADR 0050): while a pass runs or texts appended since the last one wait
 * for it, a lane starts no new text until that pass has ended (at most one pass per text: a sustained flow, which
 * keeps new texts always waiting, slows the matcher down but never stops it). The pass then has the cores to itself
 * but for the texts already in the intake, so the reply with the ticket is queued within a pass of its text's ack.
 */
public final class JournalStage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalStage.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(200);
    private static final Duration LAG_EVERY = Duration.ofSeconds(1);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** How often a stage paused for the acks (no intake while they are busy) looks again. */
    private static final Duration PAUSE_POLL = Duration.ofMillis(10);
    /** The longest a lane waits for a ticket pass before it starts its next text (ADR 0050). */
    private static final Duration PASS_WAIT_MAX = Duration.ofSeconds(1);

    private final InboundJournal journal;
    private final InboundSmsHandler intake;
    private final ExecutorService threads;
    private final Clock clock;
    private final int batch;
    private final Duration lease;
    private final Semaphore wake = new Semaphore(0);
    private final Semaphore wakeTickets = new Semaphore(0);
    private final ReentrantLock ticketPass = new ReentrantLock();
    /** Wakes counted (one per append batch), and the count the last pass that took everything had seen. */
    private final AtomicLong appended = new AtomicLong();
    private volatile long ticketedUpTo;
    /** Passes ended, and the condition lanes waiting for one await. */
    private long passes;
    private final ReentrantLock passLock = new ReentrantLock();
    private final Condition passEnded = passLock.newCondition();
    private volatile boolean ticketsBeforeMatcher = true;
    private volatile Optional<TicketFirst> first = Optional.empty();
    private Thread tickets;
    private volatile InboundJournal.Lag lag = new InboundJournal.Lag(0, Optional.empty());
    private volatile boolean running = true;
    private Instant lagReadAt = Instant.MIN;
    private Thread loop;
    private final ReentrantLock gate = new ReentrantLock();
    private final Condition turn = gate.newCondition();
    private int inIntake;
    private volatile BooleanSupplier acksBusy = () -> false;
    private volatile int busyConcurrency = Integer.MAX_VALUE;
    private volatile Duration maxLag = Duration.ZERO;
    private volatile Instant oldestInRound;
    /** Senders whose text was given back for retry: their newer texts wait for it (until its lease would end). */
    private final Map<String, Held> heldBack = new ConcurrentHashMap<>();

    private record Held(long id, Instant until) {
    }

    public JournalStage(InboundJournal journal, InboundSmsHandler intake, ExecutorService threads, Clock clock,
                        int batch, Duration lease) {
        this.journal = journal;
        this.intake = intake;
        this.threads = threads;
        this.clock = clock;
        this.batch = batch;
        this.lease = lease;
    }

    /**
     * While {@code acksBusy} holds, at most {@code concurrency} texts are in the intake at once, unless the round's
     * oldest text has waited longer than {@code maxLag}. With 0 the stage pauses while acks are busy (it looks again
     * every few ms): the journal still drains, at the latest once its oldest text waited {@code maxLag}.
     */
    public void yieldTo(BooleanSupplier acksBusy, int concurrency, Duration maxLag) {
        if (concurrency < 0) {
            throw new IllegalArgumentException("concurrency must not be negative: " + concurrency);
        }
        this.acksBusy = acksBusy;
        this.busyConcurrency = concurrency;
        this.maxLag = maxLag;
    }

    /**
     * Ticket first (ADR 0047): the ticket pass gives each new text that opens an order its ticket and queues the
     * reply with it, on a thread of its own, ahead of the matcher; without it the pass only hands the rows on.
     */
    public void ticketFirst(TicketFirst pass) {
        this.first = Optional.of(pass);
    }

    /** With {@code false} the lanes no longer wait for the ticket pass (ADR 0050), to measure. */
    public void ticketsBeforeMatcher(boolean on) {
        this.ticketsBeforeMatcher = on;
    }

    public synchronized void start() {
        if (loop == null) {
            tickets = Thread.ofPlatform().daemon().name("sms-journal-tickets").start(this::runTickets);
            loop = Thread.ofPlatform().daemon().name("sms-journal-stage").start(this::run);
        }
    }

    /** Something was appended: look at it now instead of at the next poll. */
    public void wake() {
        appended.incrementAndGet();
        release(wakeTickets);
    }

    private static void release(Semaphore s) {
        if (s.availablePermits() == 0) {
            s.release();
        }
    }

    private void runTickets() {
        loop("SMS journal ticket pass", this::ticketRound, wakeTickets);
    }

    /**
     * Runs {@code pass} while the stage runs: at once again after a full batch, else when {@code wakeUp} is released
     * or after the idle poll; a failed pass is logged and tried again after a pause.
     */
    private void loop(String what, Pass pass, Semaphore wakeUp) {
        while (running) {
            try {
                if (pass.run() < batch && wakeUp.tryAcquire(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("{}: {}; trying again", what, e.getMessage());
                sleepQuietly();
            }
        }
    }

    /**
     * One ticket pass over the new rows (oldest first): tickets given and replies queued for those that open an order
     * ({@link TicketFirst}), then every row handed to the matching stage; how many rows it looked at. If storage
     * fails the rows stay new and the next pass looks again (the pass is idempotent).
     */
    int ticketRound() {
        ticketPass.lock();
        try {
            long seen = appended.get();
            long start = System.nanoTime();
            List<JournaledSms> rows = journal.fresh(batch);
            StageTimes.since(StageTimes.Stage.PASS_READ, start);
            if (!rows.isEmpty()) {
                StageTimes.record(StageTimes.Stage.PASS_ROWS, rows.size());
                Runnable mark = () -> {
                    long marking = System.nanoTime();
                    journal.ticketed(rows.stream().map(JournaledSms::id).toList());
                    StageTimes.since(StageTimes.Stage.PASS_MARK, marking);
                };
                first.ifPresentOrElse(f -> f.give(rows, mark), mark);
                release(wake);
            }
            if (rows.size() < batch) {
                ticketedUpTo = seen; // every text appended before this pass began has had its pass
            }
            return rows.size();
        } finally {
            ticketPass.unlock();
            passEnded();
        }
    }

    private void passEnded() {
        passLock.lock();
        try {
            passes++;
            passEnded.signalAll();
        } finally {
            passLock.unlock();
        }
    }

    /** A pass runs, or texts appended since the last full pass wait for one. */
    private boolean ticketsWaiting() {
        return ticketPass.isLocked() || appended.get() != ticketedUpTo;
    }

    /**
     * The ticket pass first (ADR 0050): while tickets wait, a lane waits for the pass under way (or the next) to end
     * before it starts a text; one pass at most, and never longer than {@link #PASS_WAIT_MAX} (a pass that hangs on
     * storage does not stop the matcher for longer).
     */
    private void awaitTicketPass() throws InterruptedException {
        if (!ticketsBeforeMatcher || !ticketsWaiting()) {
            return;
        }
        long deadline = System.nanoTime() + PASS_WAIT_MAX.toNanos();
        passLock.lock();
        try {
            long seen = passes;
            for (long left = deadline - System.nanoTime(); passes == seen && ticketsWaiting() && left > 0;
                 left = deadline - System.nanoTime()) {
                passEnded.awaitNanos(Math.min(left, PAUSE_POLL.toNanos()));
            }
        } finally {
            passLock.unlock();
        }
    }

    /** The backlog as last read (at most about a second old while the stage runs). */
    public InboundJournal.Lag lag() {
        return lag;
    }

    /** A pass of one of the stage's loops: how many rows it looked at. */
    private interface Pass {
        int run() throws InterruptedException;
    }

    private void run() {
        loop("SMS journal stage", () -> {
            int claimed = round();
            refreshLag();
            return claimed;
        }, wake);
    }

    /** One claim: processed, marked done; how many rows were claimed. */
    int round() throws InterruptedException {
        ticketRound(); // rows appended since the pass last ran (the pass's own thread usually took them already)
        List<JournaledSms> rows = journal.claim(batch, lease);
        if (rows.isEmpty()) {
            return 0;
        }
        Map<String, TicketNumber> told = first.map(f -> f.told(rows)).orElse(Map.of());
        oldestInRound = rows.stream().map(JournaledSms::receivedAt).min(Instant::compareTo).orElseThrow();
        Map<String, List<JournaledSms>> bySender = new LinkedHashMap<>();
        rows.forEach(r -> bySender.computeIfAbsent(r.source(), s -> new ArrayList<>()).add(r));
        ConcurrentLinkedQueue<Long> done = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> again = new ConcurrentLinkedQueue<>();
        List<Future<?>> running = new ArrayList<>(bySender.size());
        Instant now = clock.instant();
        heldBack.values().removeIf(h -> now.isAfter(h.until()));
        for (Map.Entry<String, List<JournaledSms>> sender : bySender.entrySet()) {
            // In arrival order (a row given back for retry is claimed by its retry time, after newer ones).
            List<JournaledSms> texts = sender.getValue().stream().sorted(Comparator.comparingLong(JournaledSms::id))
                    .toList();
            Held held = heldBack.get(sender.getKey());
            if (held != null && texts.stream().noneMatch(t -> t.id() == held.id())) {
                texts.forEach(t -> again.add(t.id())); // an older text of this sender waits for its retry
                continue;
            }
            heldBack.remove(sender.getKey());
            running.add(threads.submit(() -> {
                for (int i = 0; i < texts.size(); i++) {
                    if (!process(texts.get(i), Optional.ofNullable(told.get(texts.get(i).key())))) {
                        // none of the sender's newer texts overtakes it: back with it, and in later rounds too
                        heldBack.put(sender.getKey(), new Held(texts.get(i).id(), clock.instant().plus(lease)));
                        texts.subList(i, texts.size()).forEach(t -> again.add(t.id()));
                        return;
                    }
                    done.add(texts.get(i).id());
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                LOG.warn("SMS journal row failed, retried after its lease", e.getCause());
            }
        }
        journal.done(List.copyOf(done));
        if (!again.isEmpty()) {
            // storage was down for them: soon again, not only when the lease ends (if this fails, the lease does it)
            journal.retryLater(List.copyOf(again), RETRY_AFTER);
        }
        return rows.size();
    }

    private int limit() {
        return acksBusy.getAsBoolean() && !behind() ? busyConcurrency : Integer.MAX_VALUE;
    }

    /** The texts in the intake now have waited too long to keep yielding to the acks. */
    private boolean behind() {
        Instant oldest = oldestInRound;
        return oldest != null && Duration.between(oldest, clock.instant()).compareTo(maxLag) > 0;
    }

    /** Waits for a turn in the intake (see the class comment); woken by the text before it leaving. */
    private void enter() throws InterruptedException {
        gate.lock();
        try {
            int limit;
            while (inIntake >= (limit = limit())) {
                if (limit == 0) {
                    turn.await(PAUSE_POLL.toMillis(), TimeUnit.MILLISECONDS); // nobody leaves to wake it
                } else {
                    turn.await();
                }
            }
            inIntake++;
        } finally {
            gate.unlock();
        }
    }

    private void exit() {
        gate.lock();
        try {
            inIntake--;
            if (limit() > inIntake + 1) {
                turn.signalAll(); // acks went quiet: every lane may run
            } else {
                turn.signal();
            }
        } finally {
            gate.unlock();
        }
    }

    private boolean process(JournaledSms t, Optional<TicketNumber> ticket) {
        try {
            awaitTicketPass();
            enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            return processNow(t, ticket);
        } finally {
            exit();
        }
    }

    private boolean processNow(JournaledSms t, Optional<TicketNumber> ticket) {
        InboundOutcome outcome;
        try {
            InboundSms sms = inbound(t);
            outcome = ticket.isPresent() && first.isPresent() ? first.get().handle(sms, ticket.get())
                    : intake.handle(sms);
        } catch (RuntimeException e) {
            LOG.warn("SMS journal row {} failed, retried after its lease", t.id(), e);
            return false;
        }
        return switch (outcome) {
            case InboundOutcome.Committed c -> true;
            case InboundOutcome.Retry r -> {
                LOG.debug("SMS journal row {} not committed ({}), retried after its lease", t.id(), r.reason());
                yield false;
            }
        };
    }

    /** A journal row as the intake takes it. */
    static InboundSms inbound(JournaledSms t) {
        return new InboundSms(t.key(), t.source(), t.destination(), t.text(), t.receivedAt(), t.partsReceived(),
                t.partsExpected(), t.complete());
    }

    private void refreshLag() {
        Instant now = clock.instant();
        if (now.isBefore(lagReadAt.plus(LAG_EVERY))) {
            return;
        }
        lagReadAt = now;
        lag = journal.lag();
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(IDLE_POLL.toMillis() * 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : new Thread[] {tickets, loop}) {
            if (t != null) {
                t.interrupt();
                try {
                    t.join(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
