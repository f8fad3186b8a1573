package org.hotline81890.gateway.diagnostics;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an inbound message's time goes, for load runs: per stage, the durations (microseconds) recorded since the
 * last report, reported as p50/p99/max at INFO every {@code hotline.sms.stages} milliseconds (system property;
 * off by default, and then {@link #record} is a single volatile read). Stages, in the order a message meets them:
 * jSMPP's processor thread to the handler's virtual thread, the wait in the group-commit queue, the batch
 * transaction, the committer to the handler's return, and the whole listener call (what jSMPP waited for). With the
 * intake journal (issue 18, ADR 0054): a text's wait for a journal writer, the batch's append (INSERT and COMMIT),
 * the batch's outcomes and resps, queued to resp written, the batch size; and the ticket pass's statements (the new
 * rows read, the reply-window read, the reservation, the replies' outbox write, the rows marked), its size, and how
 * long its oldest text had waited when its replies were queued (milliseconds).
 */
public final class StageTimes {
    /** The measured stages. */
    public enum Stage {
        DISPATCH, QUEUED, COMMIT, WAKEUP, LISTENER, BATCH_SIZE,
        JOURNAL_WAIT, JOURNAL_APPEND, JOURNAL_RESP, JOURNAL_ACK, JOURNAL_BATCH,
        PASS_READ, PASS_WINDOW, PASS_RESERVE, PASS_REPLIES, PASS_MARK, PASS_ROWS, PASS_BEHIND_MS
    }

    private static final Logger LOG = LoggerFactory.getLogger(StageTimes.class);
    private static final long EVERY_MILLIS = Long.getLong("hotline.sms.stages", 0L);
    private static final StageTimes INSTANCE = new StageTimes();

    private final Map<Stage, long[]> values = new EnumMap<>(Stage.class);
    private final Map<Stage, Integer> counts = new EnumMap<>(Stage.class);
    private long lastReport = System.nanoTime();

    private StageTimes() {
        for (Stage s : Stage.values()) {
            values.put(s, new long[1024]);
            counts.put(s, 0);
        }
    }

    /** Whether stage times are collected in this JVM. */
    public static boolean enabled() {
        return EVERY_MILLIS > 0;
    }

    /** Records the time from {@code startNanos} to now for {@code stage} (no-op when disabled). */
    public static void since(Stage stage, long startNanos) {
        if (EVERY_MILLIS > 0) {
            INSTANCE.add(stage, (System.nanoTime() - startNanos) / 1_000);
        }
    }

    /** Records a plain value (e.g. a batch size). */
    public static void record(Stage stage, long value) {
        if (EVERY_MILLIS > 0) {
            INSTANCE.add(stage, value);
        }
    }

    private synchronized void add(Stage stage, long value) {
        long[] v = values.get(stage);
        int n = counts.get(stage);
        if (n == v.length) {
            v = Arrays.copyOf(v, n * 2);
            values.put(stage, v);
        }
        v[n] = value;
        counts.put(stage, n + 1);
        long now = System.nanoTime();
        if (now - lastReport >= EVERY_MILLIS * 1_000_000L) {
            lastReport = now;
            report();
        }
    }

    private void report() {
        StringBuilder line = new StringBuilder("SMS stages (us, p50/p99/max, n):");
        for (Stage s : Stage.values()) {
            int n = counts.get(s);
            if (n == 0) {
                continue; // a stage this path does not have (the journal's or the group commit's)
            }
            long[] v = Arrays.copyOf(values.get(s), n);
            Arrays.sort(v);
            line.append(' ').append(s).append('=');
            line.append(v[n / 2] + "/" + v[Math.min(n - 1, n * 99 / 100)] + "/" + v[n - 1] + "/" + n);
            counts.put(s, 0);
        }
        LOG.info("{}", line);
    }
}
