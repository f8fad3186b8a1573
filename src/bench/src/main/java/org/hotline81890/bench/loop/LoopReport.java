package org.hotline81890.bench.loop;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline81890.partners.offer.Offer;

/** The loop benchmark's figures: offered within 5 s of commit, commit → offer and commit → webhook percentiles. */
final class LoopReport {
    private LoopReport() {
    }

    static void print(PrintStream out, int rate, int seconds, int sent, Map<Long, Long> committedNanos,
                      Map<Long, Instant> committedAt, SimulatedProviders sim, List<Offer> offers, Instant started) {
        Map<Long, Offer> firstOffer = new HashMap<>();
        offers.forEach(o -> firstOffer.putIfAbsent(Long.parseLong(o.job().workOrder().value()), o));
        Map<String, Long> arrivals = sim.firstArrivalNanos();
        List<Long> toOfferMs = new ArrayList<>();
        List<Long> toWebhookMs = new ArrayList<>();
        int within5s = 0;
        for (Map.Entry<Long, Long> e : committedNanos.entrySet()) {
            Offer offer = firstOffer.get(e.getKey());
            if (offer == null) {
                continue;
            }
            long offerMs = Math.max(0, Duration.between(committedAt.get(e.getKey()), offer.offeredAt()).toMillis());
            toOfferMs.add(offerMs);
            if (offerMs <= 5000) {
                within5s++;
            }
            Long arrived = arrivals.get(offer.id().value());
            if (arrived != null) {
                toWebhookMs.add(Math.max(0, (arrived - e.getValue()) / 1_000_000));
            }
        }
        out.printf("loop benchmark: %d work orders/s for %d s (%d sent, %d committed), %d providers got offers%n",
                rate, seconds, sent, committedNanos.size(), countProviders(offers));
        out.printf("offered within 5 s of commit (gateway clock): %d of %d (%.1f %%)%n", within5s,
                committedNanos.size(), 100.0 * within5s / Math.max(1, committedNanos.size()));
        out.printf("commit -> offer   ms (gateway clock): %s%n", percentiles(toOfferMs));
        out.printf("commit -> webhook ms (wall): %s (%d webhooks received, %d repeated deliveries)%n",
                percentiles(toWebhookMs), toWebhookMs.size(), sim.duplicates());
        out.printf("accepted through the partner API: %d; elapsed %d s%n", sim.accepted(),
                Duration.between(started, Instant.now()).toSeconds());
    }

    private static long countProviders(List<Offer> offers) {
        return offers.stream().map(Offer::provider).distinct().count();
    }

    static String percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return "none";
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return "p50 " + rank(sorted, 50) + ", p90 " + rank(sorted, 90) + ", p99 " + rank(sorted, 99) + ", max "
                + sorted.getLast();
    }

    private static long rank(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
