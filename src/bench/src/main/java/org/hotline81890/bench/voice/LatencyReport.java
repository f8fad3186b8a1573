package org.hotline81890.bench.voice;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hotline81890.simulators.agi.AgiCallResult;
import org.hotline81890.simulators.agi.AgiExchange;

/**
 * Outcome counts and p50/p99/max of the AGI command round trip, overall and per command verb.
 *
 * @param micros    every round trip in microseconds, sorted
 * @param byVerb    round trips per verb (e.g. {@code SET VARIABLE}), each sorted
 * @param completed calls that ended with {@code HOTLINE_STATUS=OK}
 * @param failed    calls that ended with an I/O failure (refused, timed out)
 */
record LatencyReport(long[] micros, Map<String, long[]> byVerb, long completed, long failed) {

    static LatencyReport of(List<AgiCallResult> results) {
        List<Long> all = new ArrayList<>();
        Map<String, List<Long>> verbs = new TreeMap<>();
        long completed = 0;
        long failed = 0;
        for (AgiCallResult r : results) {
            if (r.failure().isPresent()) {
                failed++;
            }
            if (r.variable("HOTLINE_STATUS").filter("OK"::equals).isPresent()) {
                completed++;
            }
            for (AgiExchange e : r.exchanges()) {
                long us = e.serverLatency().toNanos() / 1000;
                all.add(us);
                verbs.computeIfAbsent(e.verb(), k -> new ArrayList<>()).add(us);
            }
        }
        Map<String, long[]> byVerb = new TreeMap<>();
        verbs.forEach((k, v) -> byVerb.put(k, sorted(v)));
        return new LatencyReport(sorted(all), byVerb, completed, failed);
    }

    void print(PrintStream out) {
        out.printf("  completed with HOTLINE_STATUS=OK: %d; failed (I/O): %d%n", completed, failed);
        out.printf("  AGI command round trip (Asterisk side: reply written -> next command read), %d commands: "
                + "p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n", micros.length, pct(micros, 50),
                pct(micros, 99), pct(micros, 99.9), pct(micros, 100));
        byVerb.forEach((verb, l) -> out.printf("    %-13s %6d: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", verb,
                l.length, pct(l, 50), pct(l, 99), pct(l, 100)));
    }

    /** The p-th percentile in milliseconds (nearest rank); 0 when there is nothing. */
    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1000.0;
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
