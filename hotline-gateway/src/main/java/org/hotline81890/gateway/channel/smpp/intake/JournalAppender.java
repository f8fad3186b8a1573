package org.hotline81890.gateway.channel.smpp.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.hotline81890.gateway.channel.smpp.pdu.InboundSms;
import org.hotline81890.gateway.concurrent.QueueBatches;
import org.hotline81890.gateway.diagnostics.StageTimes;
import org.hotline81890.gateway.sms.InboundJournal;
import org.hotline81890.gateway.sms.JournaledSms;
import org.hotline81890.gateway.workorder.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link InboundSmsHandler} of the journal (issue 18, ADR 0023): a text is {@link InboundOutcome.Committed}
 * once its row in the {@link InboundJournal} is committed; the {@link JournalStage} opens the work order behind it.
 * Callers queue their text ({@link #submit}, no thread waits for it); writer threads take all that is queued, at
 * most {@code maxBatch}, and append it in one commit, so a batch forms while the previous one is being written, and
 * complete the batch's outcomes together ({@code completions}: the deliver_sm_resps of a batch leave in one write
 * per session). A text queued longer than {@code timeout} is answered Retry before it is written (the SMSC delivers
 * it again).
 */
public final class JournalAppender implements QueuedInboundSmsHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalAppender.class);
    /** {@link #busy} this long after the last write: under a flood the next batch is about to come. */
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final Duration FIRST_WAIT = Duration.ofMillis(100);
    private static final InboundOutcome COMMITTED = new InboundOutcome.Committed("journal");

    private record Job(JournaledSms text, CompletableFuture<InboundOutcome> done, long queuedAt) {
    }

    private final InboundJournal journal;
    private final int maxBatch;
    private final long timeoutNanos;
    private final Runnable appended;
    private final Consumer<Runnable> completions;
    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private final AtomicInteger writing = new AtomicInteger();
    private volatile boolean running = true;
    private volatile long lastWrite = System.nanoTime() - QUIET_NANOS;

    /** {@code appended} runs after each commit (wakes the stage). */
    public JournalAppender(InboundJournal journal, int maxBatch, int writerThreads, Duration timeout,
                           Runnable appended) {
        this(journal, maxBatch, writerThreads, timeout, appended, Runnable::run);
    }

    /**
     * As above; a batch's outcomes are completed inside {@code completions} (e.g. one socket write for the
     * acknowledgements they release).
     */
    public JournalAppender(InboundJournal journal, int maxBatch, int writerThreads, Duration timeout,
                           Runnable appended, Consumer<Runnable> completions) {
        this.completions = completions;
        this.journal = journal;
        this.maxBatch = maxBatch;
        this.timeoutNanos = timeout.toNanos();
        this.appended = appended;
        for (int i = 0; i < writerThreads; i++) {
            // Platform threads, as the group committers: on every message's path, never behind handler threads.
            writers.add(Thread.ofPlatform().daemon().name("sms-journal-" + i).start(this::writeLoop));
        }
    }

    @Override
    public CompletableFuture<InboundOutcome> submit(InboundSms sms) {
        if (!running) {
            return CompletableFuture.completedFuture(new InboundOutcome.Retry("journal closed"));
        }
        Job job = new Job(new JournaledSms(0, sms.idempotencyKey(), sms.source(), sms.destination(), sms.text(),
                sms.receivedAt(), sms.partsReceived(), sms.partsExpected()), new CompletableFuture<>(),
                System.nanoTime());
        queue.add(job);
        if (!running) {
            // closed while queuing: close() may have drained the queue already
            job.done().complete(new InboundOutcome.Retry("journal closed"));
        }
        return job.done();
    }

    /**
     * Acknowledgements are in progress: texts queued or a batch being written. The {@link JournalStage} yields the
     * cores to them while this holds (the journal absorbs a burst, the stage drains it after).
     */
    public boolean busy() {
        return writing.get() > 0 || !queue.isEmpty() || System.nanoTime() - lastWrite < QUIET_NANOS;
    }

    private void writeLoop() {
        while (running) {
            List<Job> batch = nextBatch();
            if (batch.isEmpty()) {
                continue;
            }
            writing.incrementAndGet();
            long taken = System.nanoTime();
            timeWait(batch);
            try {
                journal.append(batch.stream().map(Job::text).toList());
            } catch (RuntimeException e) {
                LOG.warn("{} SMS not journaled, the SMSC will redeliver: {}", batch.size(), e.getMessage());
                InboundOutcome retry = new InboundOutcome.Retry(String.valueOf(e.getMessage()));
                completions.accept(() -> batch.forEach(j -> j.done().complete(retry)));
                continue;
            } finally {
                lastWrite = System.nanoTime();
                writing.decrementAndGet();
            }
            long committed = System.nanoTime();
            completions.accept(() -> batch.forEach(j -> j.done().complete(COMMITTED)));
            timeAcks(batch, taken, committed);
            if (LOG.isDebugEnabled()) {
                batch.forEach(j -> LOG.debug("SMS from {} journaled", PhoneNumbers.mask(j.text().source())));
            }
            appended.run();
        }
    }

    /** Where an ack's time goes (ADR 0054): each text's wait for a writer, and the batch's size. */
    private static void timeWait(List<Job> batch) {
        if (StageTimes.enabled()) {
            batch.forEach(j -> StageTimes.since(StageTimes.Stage.JOURNAL_WAIT, j.queuedAt()));
            StageTimes.record(StageTimes.Stage.JOURNAL_BATCH, batch.size());
        }
    }

    /** The batch's append, its outcomes and resps, and each text from queued to its resp written. */
    private static void timeAcks(List<Job> batch, long taken, long committed) {
        if (StageTimes.enabled()) {
            StageTimes.record(StageTimes.Stage.JOURNAL_APPEND, (committed - taken) / 1_000);
            StageTimes.since(StageTimes.Stage.JOURNAL_RESP, committed);
            batch.forEach(j -> StageTimes.since(StageTimes.Stage.JOURNAL_ACK, j.queuedAt()));
        }
    }

    /** What is queued (waiting up to 100 ms for the first), without the texts that waited too long. */
    private List<Job> nextBatch() {
        List<Job> batch = List.of();
        try {
            batch = QueueBatches.next(queue, maxBatch, FIRST_WAIT, Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        long now = System.nanoTime();
        List<Job> fresh = new ArrayList<>(batch.size());
        for (Job j : batch) {
            if (now - j.queuedAt() > timeoutNanos) {
                j.done().complete(new InboundOutcome.Retry("not journaled within the handler timeout"));
            } else {
                fresh.add(j);
            }
        }
        return fresh;
    }

    @Override
    public void close() {
        running = false;
        QueueBatches.drainAfter(writers, queue,
                left -> left.done().complete(new InboundOutcome.Retry("journal closed")));
    }
}
