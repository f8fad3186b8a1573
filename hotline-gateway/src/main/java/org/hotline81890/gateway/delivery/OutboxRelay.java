package org.hotline81890.gateway.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.schedule.PollingLoop;
import org.hotline81890.gateway.schedule.ScaledClock;
import org.hotline81890.gateway.workorder.Outbox;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows: claims a batch with a lease, hands each row to the delivery for its kind (in parallel, on
 * virtual threads), and marks a row done only when the other side confirmed. A relay that crashes mid-delivery
 * loses nothing: its lease runs out and the row is claimed again (receivers dedupe on the row's dedupe key). The
 * done marks ride with the next round's claim (one transaction, {@link Outbox#settleAndClaim}).
 *
 * <p>Acknowledgements come first ({@link #yieldTo}): while the SMS journal's appends are busy (a flood of texts
 * being acknowledged) the relay claims only rows that have been due for {@code maxLag} at least, so the replies and
 * offers the journal stage's orders cause go out after the burst instead of taking the cores from the acks; a row
 * waits at most {@code maxLag} (plus a poll) for that, however long the burst lasts.
 *
 * <p>A lane ahead of the claim's order ({@link #sendFirst}, ADR 0050): rows a producer names by their dedupe keys
 * right after committing them (the SMS reply with its ticket) are claimed by those keys at the start of the next
 * round, with the same lease as any claim, and go out before the due rows of other kinds that wait in front of them.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    /** Rows in delivery at once, in batches: enough to keep a slow receiver from stalling the rest. */
    private static final int IN_FLIGHT_BATCHES = 4;
    /**
     * Shortest time between two claims: wakes that arrive meanwhile (one per committed intake under load) are served
     * by one claim of all their rows instead of a claim transaction each. Bounds the delay a wake may add.
     */
    private static final long MIN_CLAIM_GAP_NANOS = Duration.ofMillis(10).toNanos();
    private final Outbox outbox;
    private final Map<String, OutboxDelivery> deliveries;
    private final HotlineConfig.OutboxRelay cfg;
    private final Clock clock;
    private final PollingLoop loop;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight;
    private final DoneMarks done;
    private final Set<String> kindsWithoutDelivery = ConcurrentHashMap.newKeySet();
    /** Rows in delivery per kind: a kind at {@link #perKind} is passed over by the next claims. */
    private final Map<String, AtomicInteger> inFlightByKind = new ConcurrentHashMap<>();
    private final int perKind;
    /**
     * Rows this relay is delivering now. A delivery that outlives its lease (an SMSC that is away while the
     * submitter retries, a webhook at its timeout) lets the next claim take the same row again; that claim must not
     * start a second delivery of it here, or a resident gets the same SMS twice. The first delivery settles the row.
     */
    private final Set<Long> inDelivery = ConcurrentHashMap.newKeySet();
    /** Per number, the last text started for it ({@link #inOrder}); only the relay's loop adds to it. */
    private final Map<String, CompletableFuture<Void>> toNumber = new ConcurrentHashMap<>();
    /** Per kind whose delivery bounds its rows at once ({@link OutboxDelivery#atOnce}), the permits to deliver. */
    private final Map<String, Semaphore> gates;
    /** Per kind delivered in groups ({@link OutboxDelivery#together}), its claimed rows waiting for a turn. */
    private final Map<String, Queue<OutboxEntry>> waiting = new ConcurrentHashMap<>();
    /** Per kind delivered in groups, its turns under way (at most its {@link OutboxDelivery#atOnce}). */
    private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();
    private long lastClaimNanos = System.nanoTime() - MIN_CLAIM_GAP_NANOS;
    /** How often a yielding relay looks again: about when the appender's {@code busy} lapses after the last batch. */
    private static final Duration YIELD_POLL = Duration.ofMillis(20);
    private volatile BooleanSupplier acksBusy = () -> false;
    private volatile Duration maxLag = Duration.ZERO;
    /** Dedupe keys of rows committed to go first ({@link #sendFirst}); taken by the next round. */
    private final Queue<String> first = new ConcurrentLinkedQueue<>();
    /** Deliveries to try again, written by the next round in one statement (ADR 0052), or at once once closed. */
    private final Queue<Outbox.Retry> retries = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    public OutboxRelay(Outbox outbox, Map<String, OutboxDelivery> deliveries, HotlineConfig.OutboxRelay cfg,
                       Clock clock) {
        this.outbox = outbox;
        this.deliveries = Map.copyOf(deliveries);
        this.cfg = cfg;
        this.clock = clock;
        this.loop = new PollingLoop("outbox-relay", this::round, cfg.pollInterval());
        this.inFlight = new Semaphore(IN_FLIGHT_BATCHES * cfg.batchSize());
        this.perKind = cfg.batchSize();
        this.done = new DoneMarks(outbox, clock);
        Map<String, Semaphore> g = new HashMap<>();
        this.deliveries.forEach((kind, d) -> {
            if (d.atOnce() < Integer.MAX_VALUE) {
                g.put(kind, new Semaphore(Math.max(1, d.atOnce()), true));
            }
        });
        this.gates = Map.copyOf(g);
    }

    /**
     * While {@code acksBusy} holds, claims only rows due for {@code maxLag} or longer (a row's extra wait is bounded by
     * it); with {@link Duration#ZERO} the relay never yields. Call before {@link #start}.
     */
    public OutboxRelay yieldTo(BooleanSupplier acksBusy, Duration maxLag) {
        if (maxLag.isNegative()) {
            throw new IllegalArgumentException("maxLag must not be negative: " + maxLag);
        }
        this.acksBusy = acksBusy;
        this.maxLag = maxLag;
        return this;
    }

    public OutboxRelay start() {
        int unparked = outbox.unpark(deliveries.keySet(), clock.instant());
        if (unparked > 0) {
            LOG.info("{} parked outbox rows are delivered now that their channels are enabled", unparked);
        }
        loop.start();
        return this;
    }

    /** New rows were committed: deliver now rather than at the next poll. */
    public void wake() {
        loop.wake();
    }

    /**
     * Rows just committed under these dedupe keys go first (ADR 0050): the next round claims them by their keys before
     * its ordinary claim, as far as there is room in flight, the rest in the rounds after (if that claim fails, the
     * ordinary claim takes them). Exactly as safe as any claim: a row another relay holds, or one already done, is
     * not taken.
     */
    public void sendFirst(java.util.Collection<String> dedupeKeys) {
        first.addAll(dedupeKeys);
        loop.wake();
    }

    /**
     * One round: claims as many due rows as there is room for in flight and starts their deliveries, without waiting
     * for them. Slow deliveries (a webhook timing out) therefore never hold back the rows behind them, and a kind
     * with a batch of rows in delivery (SMS waiting for the SMSC's submit rate) is passed over by the claim until
     * some finish: one throttled channel never takes every delivery slot from the others (dispatch, webhooks).
     */
    Duration round() {
        awaitRoom();
        spaceClaims();
        writeRetries();
        claimFirst();
        int room = Math.min(cfg.batchSize(), inFlight.availablePermits());
        Set<String> busy = busyKinds();
        Instant now = clock.instant();
        boolean yielding = !maxLag.isZero() && acksBusy.getAsBoolean();
        List<Long> settled = done.take();
        List<OutboxEntry> batch;
        try {
            batch = outbox.settleAndClaim(settled, now, yielding ? now.minus(maxLag) : now, room, cfg.lease(), busy);
        } catch (RuntimeException ex) {
            done.giveBack(settled); // with the next round; if that never comes, the rows' leases run out
            throw ex;
        }
        startAll(batch);
        if (batch.size() == room || done.pending() || !retries.isEmpty()) {
            return Duration.ZERO;
        }
        if (yielding) {
            return YIELD_POLL.compareTo(cfg.pollInterval()) < 0 ? YIELD_POLL : cfg.pollInterval();
        }
        if (!busy.isEmpty()) {
            return cfg.pollInterval(); // the due rows left are of busy kinds; a delivery that ends wakes the loop
        }
        Duration wait = outbox.nextDue().map(t -> ScaledClock.realWait(clock, Duration.between(clock.instant(), t)))
                .orElse(cfg.pollInterval());
        return wait.compareTo(cfg.pollInterval()) > 0 ? cfg.pollInterval() : wait.isNegative() ? Duration.ZERO : wait;
    }

    /**
     * The rows named by {@link #sendFirst}: claimed by their keys, as many as there is room for, and started; the keys
     * beyond the room wait for the next round (a row the ordinary claim took meanwhile is then simply not found).
     */
    private void claimFirst() {
        List<String> keys = new ArrayList<>();
        int room = inFlight.availablePermits();
        for (String k; keys.size() < room && (k = first.poll()) != null; ) {
            keys.add(k);
        }
        if (keys.isEmpty()) {
            return;
        }
        try {
            startAll(outbox.claimKeys(keys, clock.instant(), cfg.lease()));
        } catch (RuntimeException ex) {
            LOG.debug("outbox rows to go first not claimed ({}); the ordinary claim takes them", ex.getMessage());
        }
    }

    private void startAll(List<OutboxEntry> batch) {
        readAhead(batch);
        for (OutboxEntry e : batch) {
            if (!inDelivery.add(e.id())) {
                LOG.warn("outbox row {} outlived its lease of {} in delivery and was claimed again; the delivery "
                        + "under way settles it (is outbox.lease shorter than a delivery can take?)", e.id(),
                        cfg.lease());
                continue;
            }
            inFlight.acquireUninterruptibly();
            inFlightByKind.computeIfAbsent(e.message().kind(), k -> new AtomicInteger()).incrementAndGet();
            start(e);
        }
    }

    /** Each kind's delivery reads what it needs for its claimed rows at once ({@link OutboxDelivery#claimed}). */
    private void readAhead(List<OutboxEntry> batch) {
        Map<String, List<OutboxEntry>> byKind = new HashMap<>();
        batch.forEach(e -> byKind.computeIfAbsent(e.message().kind(), k -> new ArrayList<>()).add(e));
        byKind.forEach((kind, rows) -> {
            OutboxDelivery delivery = deliveries.get(kind);
            if (delivery == null) {
                return;
            }
            try {
                delivery.claimed(rows);
            } catch (RuntimeException ex) {
                LOG.debug("{} rows of kind {} not read ahead ({}); each delivery reads its own", rows.size(), kind,
                        ex.toString());
            }
        });
    }

    /** Starts the delivery of a claimed row: in its number's order (SMS), in a group of its kind, or alone. */
    private void start(OutboxEntry e) {
        String kind = e.message().kind();
        OutboxDelivery delivery = deliveries.get(kind);
        if (delivery != null && delivery.together() > 1) {
            Queue<OutboxEntry> queue = waiting.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>());
            queue.add(e);
            turn(kind, delivery, queue);
            return;
        }
        Runnable alone = () -> gated(kind, () -> deliverGroup(delivery, List.of(e)));
        if (OutboxMessage.SMS.equals(kind)) {
            inOrder(e.message().destination(), alone);
        } else {
            workers.execute(alone);
        }
    }

    /** Runs {@code work} holding a permit of {@code kind}'s gate, if it has one. */
    private void gated(String kind, Runnable work) {
        Semaphore gate = gates.get(kind);
        if (gate != null) {
            gate.acquireUninterruptibly();
        }
        try {
            work.run();
        } finally {
            if (gate != null) {
                gate.release();
            }
        }
    }

    /**
     * Starts a turn of a kind delivered together (ADR 0045) unless as many turns as it may run at once are under way
     * or nothing waits: a turn takes up to {@code together} waiting rows, oldest claimed first, delivers them as one
     * group, and goes on while rows wait. So a row that comes while a slot is free goes out at once, alone, and a
     * backlog is delivered in groups. A turn that ends looks once more, so no row is left waiting without one.
     */
    private void turn(String kind, OutboxDelivery delivery, Queue<OutboxEntry> queue) {
        AtomicInteger running = turns.computeIfAbsent(kind, k -> new AtomicInteger());
        int most = Math.min(delivery.atOnce(), IN_FLIGHT_BATCHES * cfg.batchSize());
        for (int n = running.get(); ; n = running.get()) {
            if (n >= most || queue.isEmpty()) {
                return;
            }
            if (running.compareAndSet(n, n + 1)) {
                break;
            }
        }
        workers.execute(() -> {
            try {
                for (List<OutboxEntry> g = take(queue, delivery.together()); !g.isEmpty();
                     g = take(queue, delivery.together())) {
                    List<OutboxEntry> group = g;
                    gated(kind, () -> deliverGroup(delivery, group));
                }
            } finally {
                running.decrementAndGet();
                turn(kind, delivery, queue);
            }
        });
    }

    private static List<OutboxEntry> take(Queue<OutboxEntry> queue, int together) {
        List<OutboxEntry> group = new ArrayList<>();
        for (OutboxEntry e = queue.poll(); e != null; e = group.size() < together ? queue.poll() : null) {
            group.add(e);
        }
        return group;
    }

    /** Delivers a group of rows of one kind (maybe one row, maybe none), then frees their places in flight. */
    private void deliverGroup(OutboxDelivery delivery, List<OutboxEntry> group) {
        try {
            if (delivery == null) {
                group.forEach(this::parkUndeliverable);
                return;
            }
            List<DeliveryOutcome> outcomes;
            try {
                outcomes = delivery.deliverAll(group);
            } catch (RuntimeException ex) {
                String why = ex.getClass().getSimpleName() + ": " + ex.getMessage();
                outcomes = group.stream().<DeliveryOutcome>map(e -> new DeliveryOutcome.Retry(why)).toList();
            }
            for (int i = 0; i < group.size(); i++) {
                settle(group.get(i), outcomes.get(i));
            }
        } catch (RuntimeException ex) {
            LOG.error("outbox delivery of rows {} crashed; they are retried after their lease",
                    group.stream().map(OutboxEntry::id).toList(), ex);
        } finally {
            group.forEach(this::finished);
        }
    }

    private void finished(OutboxEntry e) {
        inDelivery.remove(e.id());
        inFlight.release();
        if (inFlightByKind.get(e.message().kind()).decrementAndGet() == perKind - 1) {
            loop.wake(); // its kind was passed over: claim its rows now
        }
    }

    /**
     * Texts to one number go out one after the other, in the order of their rows (the claim's order: due, then id),
     * so a resident reads the acknowledgement before the address question written in the same transaction. Texts to
     * different numbers still go out side by side. A row given back for retry no longer keeps its place.
     */
    private void inOrder(String number, Runnable delivery) {
        CompletableFuture<Void> before = toNumber.get(number);
        CompletableFuture<Void> next = before == null ? CompletableFuture.runAsync(delivery, workers)
                : before.handle((v, t) -> null).thenRunAsync(delivery, workers);
        toNumber.put(number, next);
        next.whenComplete((v, t) -> toNumber.remove(number, next));
    }

    /** The kinds with {@link #perKind} rows in delivery: the next claim passes over their rows. */
    Set<String> busyKinds() {
        Set<String> busy = new HashSet<>();
        inFlightByKind.forEach((kind, n) -> {
            if (n.get() >= perKind) {
                busy.add(kind);
            }
        });
        return busy;
    }

    private void spaceClaims() {
        long wait = lastClaimNanos + MIN_CLAIM_GAP_NANOS - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        lastClaimNanos = System.nanoTime();
    }

    private void awaitRoom() {
        if (inFlight.availablePermits() > 0) {
            return;
        }
        try {
            inFlight.acquire();
            inFlight.release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void parkUndeliverable(OutboxEntry e) {
        outbox.park(e.id(), "parked: nothing on this node delivers kind " + e.message().kind()
                + " (its channel is disabled); delivered when it is enabled");
        // Once per kind (a channel switched off, e.g. smpp.enabled=false): /health lists the parked rows.
        if (kindsWithoutDelivery.add(e.message().kind())) {
            LOG.warn("outbox row {} has kind {} and nothing on this node delivers it (is its channel enabled?); "
                    + "it and later rows of this kind are parked until it is, see /health", e.id(),
                    e.message().kind());
        } else {
            LOG.debug("outbox row {} has kind {} and nothing delivers it", e.id(), e.message().kind());
        }
    }

    private void settle(OutboxEntry e, DeliveryOutcome outcome) {
        switch (outcome) {
            case DeliveryOutcome.Confirmed c -> {
                done.done(e.id());
                loop.wake(); // marked done with the next claim, now rather than at the next poll
            }
            case DeliveryOutcome.Rejected r -> {
                LOG.error("outbox row {} ({}) rejected: {}", e.id(), e.message().kind(), r.reason());
                outbox.markFailed(e.id(), clock.instant(), r.reason());
            }
            case DeliveryOutcome.Retry r -> retry(e, r.reason());
        }
    }

    private void retry(OutboxEntry e, String reason) {
        if (e.attempts() >= cfg.maxAttempts()) {
            LOG.error("outbox row {} ({}) failed after {} attempts: {}", e.id(), e.message().kind(), e.attempts(),
                    reason);
            outbox.markFailed(e.id(), clock.instant(), reason);
            return;
        }
        Instant next = clock.instant().plus(backoff(e.attempts()));
        LOG.warn("outbox row {} ({}) attempt {} failed, retrying at {}: {}", e.id(), e.message().kind(),
                e.attempts(), next, reason);
        retries.add(new Outbox.Retry(e.id(), next, reason));
        if (closed) {
            writeRetries();
        } else {
            loop.wake();
        }
    }

    /**
     * The retries the deliveries gave back since the last round, in one write: they were a transaction each on the
     * delivering threads, each waiting for a pooled connection at the peak. Until written a row stays leased, so a
     * retry lost in a crash is a delivery again after its lease, as before.
     */
    private void writeRetries() {
        List<Outbox.Retry> due = new ArrayList<>();
        for (Outbox.Retry r = retries.poll(); r != null; r = due.size() < DoneMarks.MAX_GROUP ? retries.poll() : null) {
            due.add(r);
        }
        if (due.isEmpty()) {
            return;
        }
        try {
            outbox.retryAllLater(due);
        } catch (RuntimeException ex) {
            retries.addAll(due); // with the next round; if none comes, the rows' leases run out
            throw ex;
        }
    }

    /** initial × 2^(attempt−1), capped, with ±20 % jitter so retries of many rows spread out. */
    Duration backoff(int attempt) {
        long base = cfg.backoffInitial().toMillis() << Math.min(30, Math.max(0, attempt - 1));
        long capped = Math.min(base, cfg.backoffMax().toMillis());
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.max(1, (long) (capped * jitter)));
    }

    @Override
    public void close() {
        loop.close();
        closed = true;
        workers.shutdown();
        done.flush();
        try {
            while (!retries.isEmpty()) {
                writeRetries();
            }
        } catch (RuntimeException e) {
            LOG.warn("outbox retries not written at close; the rows are delivered again after their lease", e);
        }
    }
}
