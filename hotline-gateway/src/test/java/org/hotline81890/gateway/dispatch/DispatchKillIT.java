package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault drill (issue 16): the gateway killed with SIGKILL while offers are being made, accepted, declined and left to
 * time out, then started again on the same MariaDB. Requests go in through the admin API with Idempotency-Keys
 * (retried until answered, as a client does); three partner companies act on every open offer through the partner
 * API by a seeded rule (accept, decline or let the 2 s accept deadline pass). Afterwards: every acknowledged request
 * is stored once and unchanged, every order ends ACCEPTED by exactly one provider or ESCALATED with none, every
 * acknowledged accept and decline holds, every ignored offer expired (its deadline fired after the restart), and no
 * deadline is left due. Seeded ({@code -Dhotline.drill.seed}); the long run: hotline-gateway/docs/hardening.md.
 */
class DispatchKillIT {
    private static final List<String> PROVIDERS = List.of("K-1", "K-2", "K-3");
    private static final Duration WAIT = Duration.ofSeconds(150);
    @TempDir
    Path dir;

    private enum Act { ACCEPT, DECLINE, IGNORE }

    @Test
    void noAcknowledgedRequestOrAnswerShouldBeLostOrDoubledAcrossKillsDuringDispatch() throws Exception {
        long seed = KillDrillRig.seed();
        int n = KillDrillRig.orders(24);
        int kills = KillDrillRig.kills();
        try (KillDrillRig rig = KillDrillRig.create("dispatch", dir, PROVIDERS,
                Map.of("HOTLINE_PARTNERS_ACCEPT_TIMEOUT", "2s"))) {
            rig.start();
            Map<Integer, String> tickets = new ConcurrentHashMap<>();
            Map<String, Act> acked = new ConcurrentHashMap<>();
            Map<String, Act> decided = new ConcurrentHashMap<>();
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            AtomicBoolean done = new AtomicBoolean();
            Thread residents = Thread.ofVirtual().start(() -> send(rig, n, seed, tickets, done));
            Thread partners = Thread.ofVirtual().start(() -> act(rig, seed, decided, acked, statuses, done));
            List<String> killedAt = new ArrayList<>();
            try {
                for (int k = 1; k <= kills; k++) {
                    int threshold = k * n / (kills + 1);
                    int answeredBefore = acked.size();
                    Eventually.waitFor("kill point " + k, WAIT, () -> tickets.size() >= threshold
                            && acked.size() > answeredBefore);
                    killedAt.add(snapshot(rig, tickets.size(), acked.size()));
                    rig.kill();
                    rig.start();
                }
                Eventually.waitFor("every request acknowledged and every order settled", WAIT,
                        () -> tickets.size() == n && settled(rig, n));
            } finally {
                done.set(true);
                residents.join();
                partners.join();
            }
            verify(rig, n, seed, tickets, acked, decided);
            long escalated = rig.count("SELECT COUNT(*) FROM work_order WHERE state='ESCALATED'");
            System.out.printf("dispatch kill drill (seed %d): %d requests, %d kill -9 (%s); %d offers, %d accepts"
                            + " and %d declines acknowledged, %d offers left to expire, %d orders escalated; 0 lost,"
                            + " 0 changed, 0 with two providers; partner API answers %s%n", seed, n, kills,
                    String.join("; ", killedAt),
                    rig.count("SELECT COUNT(*) FROM offer"), count(acked, Act.ACCEPT), count(acked, Act.DECLINE),
                    count(decided, Act.IGNORE), escalated, statuses);
        }
    }

    /** The residents: one request after another, each retried with its key until the gateway answers 201. */
    private static void send(KillDrillRig rig, int n, long seed, Map<Integer, String> tickets, AtomicBoolean done) {
        for (int i = 0; i < n && !done.get(); ) {
            Optional<HttpResponse<String>> r = rig.admin("/api/admin/work-orders", body(i), "drill-" + seed + "-" + i);
            if (r.isPresent() && (r.get().statusCode() == 201 || r.get().statusCode() == 200)) {
                tickets.put(i, new JsonObject(r.get().body()).getString("ticket"));
                i++;
            } else {
                pause(100);
            }
        }
    }

    private static String body(int i) {
        return new JsonObject().put("callerNumber", caller(i)).put("text", text(i)).put("serviceCode", "HK-01")
                .put("channel", "WEB").put("area", new JsonObject().put("district", "海曙区")
                        .put("address", "柳汀街" + i + "号")).encode();
    }

    private static String caller(int i) {
        return String.format("1380016%04d", i);
    }

    private static String text(int i) {
        return "想找个钟点工打扫卫生 #drill-" + i;
    }

    /** The providers: each open offer gets its seeded act once; an act no gateway answered is tried again. */
    private static void act(KillDrillRig rig, long seed, Map<String, Act> decided, Map<String, Act> acked,
                            Map<Integer, Integer> statuses, AtomicBoolean done) {
        while (!done.get()) {
            try {
                for (Map<String, Object> o : openOffers(rig)) {
                    String id = (String) o.get("id");
                    if (decided.containsKey(id)) {
                        continue;
                    }
                    Act a = decide(seed, (String) o.get("text"), ((Number) o.get("ordinal")).intValue());
                    if (a == Act.IGNORE) {
                        decided.put(id, a);
                        continue;
                    }
                    String provider = (String) o.get("provider_id");
                    Optional<HttpResponse<String>> r = rig.partner(provider, id, a.name().toLowerCase(),
                            a == Act.DECLINE ? "{\"reason\":\"人手不够\"}" : "");
                    if (r.isEmpty() || r.get().statusCode() >= 500) {
                        continue; // not answered: the same act again once a gateway is up
                    }
                    decided.put(id, a);
                    statuses.merge(r.get().statusCode(), 1, Integer::sum);
                    if (r.get().statusCode() == 200) {
                        acked.put(id, a);
                    }
                }
            } catch (IllegalStateException e) {
                // the database busy for a moment: the next round reads again
            }
            pause(50);
        }
    }

    private static List<Map<String, Object>> openOffers(KillDrillRig rig) {
        return rig.rows("SELECT o.id, o.provider_id, w.text, (SELECT COUNT(*) FROM offer p WHERE p.work_order ="
                + " o.work_order AND (p.offered_at < o.offered_at OR (p.offered_at = o.offered_at AND p.id < o.id)))"
                + " AS ordinal FROM offer o JOIN work_order w ON w.id = CAST(o.work_order AS UNSIGNED)"
                + " WHERE o.state = 'OFFERED' AND w.text LIKE '%#drill-%'");
    }

    /** Seeded per request and offer: the same seed makes the same choices whatever the timing. */
    private static Act decide(long seed, String text, int ordinal) {
        int i = Integer.parseInt(text.substring(text.indexOf("#drill-") + "#drill-".length()));
        int roll = new SplittableRandom(seed * 1_000_003L + i * 31L + ordinal).nextInt(100);
        return roll < 50 ? Act.ACCEPT : roll < 75 ? Act.DECLINE : Act.IGNORE;
    }

    private static boolean settled(KillDrillRig rig, int n) {
        return rig.count("SELECT COUNT(*) FROM work_order WHERE text LIKE '%#drill-%' AND state IN ('ACCEPTED',"
                + " 'ESCALATED')") == n && rig.count("SELECT COUNT(*) FROM offer WHERE state='OFFERED'") == 0
                && rig.count("SELECT COUNT(*) FROM deadline WHERE state='PENDING' AND due_at < UTC_TIMESTAMP(3)"
                + " - INTERVAL 1 SECOND") == 0 && rig.count("SELECT COUNT(*) FROM outbox WHERE kind='dispatch'"
                + " AND state <> 'DONE'") == 0;
    }

    private static String snapshot(KillDrillRig rig, int acknowledged, int answers) {
        return String.format("at %d requests acknowledged, %d answers, %d offers open, %d orders offered",
                acknowledged, answers, rig.count("SELECT COUNT(*) FROM offer WHERE state='OFFERED'"),
                rig.count("SELECT COUNT(*) FROM work_order WHERE state IN ('MATCHED','OFFERED')"));
    }

    private static void verify(KillDrillRig rig, int n, long seed, Map<Integer, String> tickets,
                               Map<String, Act> acked, Map<String, Act> decided) {
        // every acknowledged request stored once, unchanged
        List<Map<String, Object>> orders = rig.rows("SELECT id, ticket, caller_number, text, state FROM work_order"
                + " WHERE text LIKE '%#drill-%'");
        assertThat(orders).as("one order per request, none doubled by a retry across the kill").hasSize(n);
        Map<String, Map<String, Object>> byTicket = orders.stream().collect(Collectors.toMap(
                o -> (String) o.get("ticket"), o -> o));
        tickets.forEach((i, ticket) -> {
            assertThat(byTicket).as("request " + i + " acknowledged as " + ticket).containsKey(ticket);
            assertThat(byTicket.get(ticket).get("text")).isEqualTo(text(i));
            assertThat(byTicket.get(ticket).get("caller_number")).isEqualTo(caller(i));
        });
        // one provider at most, and the order's state agrees with its offers
        Map<String, Long> active = new HashMap<>();
        rig.rows("SELECT work_order, COUNT(*) AS n FROM offer WHERE state IN ('ACCEPTED','STARTED') GROUP BY"
                + " work_order").forEach(r -> active.put((String) r.get("work_order"),
                ((Number) r.get("n")).longValue()));
        for (Map<String, Object> o : orders) {
            long holders = active.getOrDefault(o.get("id").toString(), 0L);
            assertThat(holders).as("providers holding order " + o.get("ticket")).isLessThanOrEqualTo(1);
            assertThat(o.get("state")).as("order " + o.get("ticket") + " with " + holders + " provider(s)")
                    .isEqualTo(holders == 1 ? "ACCEPTED" : "ESCALATED");
        }
        // the order's row and its last event agree: no order left half-way between two states
        assertThat(rig.rows("SELECT w.ticket FROM work_order w JOIN work_order_event e ON e.id = (SELECT MAX(id)"
                + " FROM work_order_event WHERE work_order_id = w.id) WHERE w.state <> e.to_state")).isEmpty();
        assertThat(rig.rows("SELECT work_order_id FROM work_order_event WHERE to_state='ESCALATED' GROUP BY"
                + " work_order_id HAVING COUNT(*) > 1")).as("escalated twice").isEmpty();
        // every acknowledged answer holds; every offer left alone expired by its deadline
        Map<String, String> offerState = new HashMap<>();
        rig.rows("SELECT id, state FROM offer").forEach(r -> offerState.put((String) r.get("id"),
                (String) r.get("state")));
        acked.forEach((id, a) -> assertThat(offerState.get(id)).as(a + " of offer " + id + " was acknowledged")
                .isEqualTo(a == Act.ACCEPT ? "ACCEPTED" : "DECLINED"));
        Set<String> ignored = decided.entrySet().stream().filter(e -> e.getValue() == Act.IGNORE)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        ignored.forEach(id -> assertThat(offerState.get(id)).as("offer " + id + " left unanswered")
                .isEqualTo("EXPIRED"));
        assertThat(offerState.values()).as("no offer still open").doesNotContain("OFFERED");
    }

    private static long count(Map<String, Act> acts, Act a) {
        return acts.values().stream().filter(a::equals).count();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
