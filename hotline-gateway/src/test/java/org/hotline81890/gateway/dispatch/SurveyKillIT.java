package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.channel.smpp.SmscProcess;
import org.hotline81890.gateway.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault drill (issue 16): the gateway killed with SIGKILL while satisfaction surveys are being sent by SMS and
 * answered, then started again on the same MariaDB and the same (independent, node) SMSC. Two partner companies
 * accept and complete every job through the partner API; each resident answers each survey by SMS by a seeded rule
 * (满意, 基本满意, 不满意 — which sends the job to the other provider and asks again — or silence, which the
 * survey-wait deadline closes). Afterwards: every acknowledged request stored once and unchanged; each completion
 * asked its survey once (a copy straddling the kill is SMPP's documented send-once window, counted); every answer the
 * gateway acknowledged to the SMSC recorded once, in order; every silence closed by its deadline; every order CLOSED.
 * Seeded ({@code -Dhotline.drill.seed}); the long run: hotline-gateway/docs/hardening.md.
 */
class SurveyKillIT {
    private static final List<String> PROVIDERS = List.of("V-1", "V-2");
    private static final Duration WAIT = Duration.ofSeconds(150);
    private static final String SURVEY = "请对本次服务评价";
    /**
     * Shorter than the SMS journal's lease (30 s) since ADR 0036: an answer journaled and acknowledged just before a
     * kill is applied when its row's lease runs out after the restart, up to 30 s later, and is judged by when it
     * arrived; the survey-wait deadline waits for it meanwhile (workorder/SurveyWait). It was 40 s before (with 25 s
     * CI saw such an answer find its survey closed). In service the window is hours.
     */
    private static final Duration SURVEY_WAIT = Duration.ofSeconds(15);
    @TempDir
    Path dir;

    /** One answer a resident texted: the survey round it answers, the digit, and when the gateway acknowledged it. */
    private record Answer(int round, String digit, long smscId) {
    }

    @Test
    void noSurveyShouldBeAskedTwiceNorAnyAcknowledgedAnswerLostAcrossKillsDuringSurveys() throws Exception {
        long seed = KillDrillRig.seed();
        int n = KillDrillRig.orders(16);
        int kills = KillDrillRig.kills();
        try (SmscProcess smsc = SmscProcess.start("--system-id", "hotline", "--password", "secret",
                "--redeliver-ms", "200", "--resp-timeout-ms", "3000");
             KillDrillRig rig = KillDrillRig.create("survey", dir, PROVIDERS, Map.of("HOTLINE_SMPP_ENABLED", "true",
                     "HOTLINE_SMPP_PORT", Integer.toString(smsc.port()), "HOTLINE_SMPP_PASSWORD", "secret",
                     "HOTLINE_SMPP_SUBMIT_RATE", "2000", "HOTLINE_SMPP_REDELIVERY_WINDOW", "2s",
                     "HOTLINE_PARTNERS_ACCEPT_TIMEOUT", "1h", "HOTLINE_SLA_SURVEY_WAIT",
                     SURVEY_WAIT.toSeconds() + "s"))) {
            rig.start();
            Map<Integer, String> tickets = new ConcurrentHashMap<>();
            Map<Integer, List<Answer>> answers = new ConcurrentHashMap<>();
            Map<Long, Instant> acked = new ConcurrentHashMap<>();
            List<Integer> killedAtEvent = new CopyOnWriteArrayList<>();
            AtomicBoolean done = new AtomicBoolean();
            List<Thread> actors = List.of(
                    Thread.ofVirtual().start(() -> send(rig, n, seed, tickets, done)),
                    Thread.ofVirtual().start(() -> work(rig, done)),
                    Thread.ofVirtual().start(() -> answer(smsc, n, seed, answers, acked, done)));
            List<String> killedAt = new ArrayList<>();
            try {
                for (int k = 1; k <= kills; k++) {
                    int threshold = k * n / (kills + 1);
                    long ackedBefore = acked.size();
                    Eventually.waitFor("kill point " + k, WAIT, () -> surveysSent(smsc) >= threshold
                            && acked.size() > ackedBefore);
                    // a seeded pause, so the kill does not follow a survey's submit_sm at a fixed distance
                    pause(new SplittableRandom(seed + k).nextInt(300));
                    String state = String.format("at %d surveys sent, %d answers acknowledged", surveysSent(smsc),
                            acked.size());
                    long closedBefore = sessionsClosed(smsc);
                    rig.kill();
                    // Marked once the SMSC has read the dead session to its end, not before the kill nor when the
                    // process is gone: a submit_sm the dying gateway had already written lands in the SMSC's events
                    // when the SMSC reads it, and its copy from the restarted gateway then looked like a second
                    // survey from one process (CI saw surveys at [50, 91] with the kill marked at 50 before the
                    // kill, and at [56, 92] with it marked at 53 once the process was gone). The SMSC reports the
                    // session closed after the last bytes the dead process wrote.
                    Eventually.waitFor("the SMSC sees the killed gateway's session closed", WAIT,
                            () -> sessionsClosed(smsc) > closedBefore);
                    killedAtEvent.add(smsc.events().size());
                    killedAt.add(state);
                    rig.start();
                }
                Eventually.waitFor("every request acknowledged and every order closed", WAIT.plus(SURVEY_WAIT),
                        () -> tickets.size() == n && settled(rig, n));
            } finally {
                done.set(true);
                for (Thread t : actors) {
                    t.join();
                }
            }
            Verdict v = verify(rig, smsc, n, tickets, answers, acked, killedAtEvent);
            System.out.printf("survey kill drill (seed %d): %d requests, %d kill -9 (%s); %d surveys asked for %d"
                            + " completions (%d copies straddling a kill), %d answers acknowledged and recorded, %d"
                            + " silences closed by their deadline, %d answers after the deadline; 0 lost%n", seed, n,
                    kills, String.join("; ", killedAt), v.surveys, v.completions, v.straddling, v.recorded, v.silent,
                    v.late);
        }
    }

    private static void send(KillDrillRig rig, int n, long seed, Map<Integer, String> tickets, AtomicBoolean done) {
        for (int i = 0; i < n && !done.get(); ) {
            Optional<HttpResponse<String>> r = rig.admin("/api/admin/work-orders", new JsonObject()
                    .put("callerNumber", resident(i)).put("text", text(i)).put("serviceCode", "HK-01")
                    .put("channel", "WEB").put("area", new JsonObject().put("district", "海曙区")
                            .put("address", "孝闻街" + i + "号")).encode(), "survey-drill-" + seed + "-" + i);
            if (r.isPresent() && (r.get().statusCode() == 201 || r.get().statusCode() == 200)) {
                tickets.put(i, new JsonObject(r.get().body()).getString("ticket"));
                i++;
            } else {
                pause(100);
            }
        }
    }

    private static String resident(int i) {
        return String.format("86138002%05d", i);
    }

    private static String text(int i) {
        return "想找个钟点工打扫卫生 #survey-" + i;
    }

    /** The providers: accept every offer, complete every accepted job; an act no gateway answered is tried again. */
    private static void work(KillDrillRig rig, AtomicBoolean done) {
        while (!done.get()) {
            try {
                for (Map<String, Object> o : rig.rows("SELECT id, provider_id, state FROM offer WHERE state IN"
                        + " ('OFFERED','ACCEPTED')")) {
                    boolean open = "OFFERED".equals(o.get("state"));
                    rig.partner((String) o.get("provider_id"), (String) o.get("id"), open ? "accept" : "complete",
                            open ? "" : "{\"note\":\"已打扫\"}");
                }
            } catch (IllegalStateException e) {
                // the database busy for a moment: the next round reads again
            }
            pause(100);
        }
    }

    /** The residents: each survey they receive is answered once by the seeded rule (or not at all). */
    private static void answer(SmscProcess smsc, int n, long seed, Map<Integer, List<Answer>> answers,
                               Map<Long, Instant> acked, AtomicBoolean done) {
        Map<Integer, Integer> handled = new HashMap<>();
        int seen = 0;
        while (!done.get()) {
            List<JsonObject> events = smsc.events();
            for (; seen < events.size(); seen++) {
                JsonObject e = events.get(seen);
                if ("resp".equals(e.getString("event")) && Integer.valueOf(0).equals(e.getValue("status"))) {
                    acked.putIfAbsent(e.getLong("id"), Instant.now());
                }
            }
            for (int i = 0; i < n; i++) {
                int asked = surveysTo(smsc, resident(i));
                int round = handled.getOrDefault(i, 0);
                if (asked > round) {
                    handled.put(i, round + 1);
                    Optional<String> digit = digit(seed, i, round);
                    if (digit.isPresent()) {
                        JsonObject q = smsc.request(new JsonObject().put("cmd", "deliver").put("text", digit.get())
                                .put("source", resident(i)), "queued", Duration.ofSeconds(30));
                        answers.computeIfAbsent(i, x -> new CopyOnWriteArrayList<>()).add(new Answer(round,
                                digit.get(), q.getJsonArray("ids").getLong(0)));
                    }
                }
            }
            pause(50);
        }
    }

    /** Seeded per resident and round: 满意, 基本满意, 不满意 (first round only) or silence. */
    private static Optional<String> digit(long seed, int i, int round) {
        int roll = new SplittableRandom(seed * 7_919L + i * 101L + round).nextInt(100);
        if (round == 0) {
            return roll < 40 ? Optional.of("1") : roll < 55 ? Optional.of("2") : roll < 80 ? Optional.of("3")
                    : Optional.empty();
        }
        return roll < 70 ? Optional.of("1") : Optional.empty();
    }

    private static int surveysSent(SmscProcess smsc) {
        return (int) smsc.events().stream().filter(SurveyKillIT::isSurvey).count();
    }

    private static int surveysTo(SmscProcess smsc, String resident) {
        return (int) smsc.events().stream().filter(e -> isSurvey(e) && resident.equals(e.getString("dest"))).count();
    }

    private static boolean isSurvey(JsonObject e) {
        return "submit".equals(e.getString("event")) && Integer.valueOf(0).equals(e.getValue("status"))
                && e.getString("text", "").contains(SURVEY);
    }

    private static boolean settled(KillDrillRig rig, int n) {
        return rig.count("SELECT COUNT(*) FROM work_order WHERE text LIKE '%#survey-%' AND state='CLOSED'") == n
                && rig.count("SELECT COUNT(*) FROM deadline WHERE state='PENDING' AND due_at < UTC_TIMESTAMP(3)"
                + " - INTERVAL 1 SECOND") == 0;
    }

    private record Verdict(int surveys, int completions, int straddling, int recorded, int silent, int late) {
    }

    private static Verdict verify(KillDrillRig rig, SmscProcess smsc, int n, Map<Integer, String> tickets,
                                  Map<Integer, List<Answer>> answers, Map<Long, Instant> acked,
                                  List<Integer> killedAtEvent) {
        List<Map<String, Object>> orders = rig.rows("SELECT id, ticket, caller_number, text, state FROM work_order"
                + " WHERE text LIKE '%#survey-%'");
        assertThat(orders).as("one order per request, none doubled by a retry across the kill").hasSize(n);
        Map<String, Map<String, Object>> byTicket = orders.stream().collect(Collectors.toMap(
                o -> (String) o.get("ticket"), o -> o));
        int surveys = 0;
        int completions = 0;
        int straddling = 0;
        int recorded = 0;
        int silent = 0;
        int late = 0;
        for (int i = 0; i < n; i++) {
            Map<String, Object> o = byTicket.get(tickets.get(i));
            assertThat(o).as("request " + i + " acknowledged as " + tickets.get(i)).isNotNull();
            assertThat(o.get("text")).isEqualTo(text(i));
            assertThat(o.get("caller_number")).isEqualTo(resident(i));
            List<Map<String, Object>> history = rig.rows("SELECT to_state, details, at FROM work_order_event WHERE"
                    + " work_order_id = " + o.get("id") + " ORDER BY id");
            // asked once per completion; a second copy is allowed only across a kill (SMPP's send-once window)
            List<Integer> asked = surveyEvents(smsc, resident(i));
            int completed = (int) history.stream().filter(h -> "COMPLETED".equals(h.get("to_state"))).count();
            int extra = asked.size() - completed;
            assertThat(extra).as("surveys asked of resident " + i + " for " + completed + " completions: none"
                    + " missing, a second copy only across a kill; surveys at events " + asked + " ("
                    + asked.stream().map(k -> smsc.events().get(k).getString("messageId")).toList() + "), kills at "
                    + killedAtEvent).isBetween(0, straddlingCopies(asked, killedAtEvent));
            surveys += asked.size();
            completions += completed;
            straddling += extra;
            // every acknowledged answer recorded once, in order; every unanswered round closed by its deadline
            List<String> outcomes = history.stream().filter(h -> "SURVEYED".equals(h.get("to_state"))
                            || String.valueOf(h.get("details")).startsWith("closed: no reply"))
                    .map(h -> (String) h.get("details")).toList();
            List<Answer> given = answers.getOrDefault(i, List.of());
            // a resident who got a copy answered it as a new survey: only the count of outcomes is checked then
            for (int round = 0; round < completed && extra == 0; round++) {
                Optional<Answer> a = roundOf(given, round);
                assertThat(round).as("resident " + i + ": an outcome for survey " + (round + 1) + " in " + outcomes)
                        .isLessThan(outcomes.size());
                String outcome = outcomes.get(round);
                if (a.isEmpty()) {
                    assertThat(outcome).as("resident " + i + " round " + round).startsWith("closed: no reply");
                    silent++;
                    continue;
                }
                assertThat(acknowledged(smsc, a.get().smscId())).as("answer " + a.get() + " of resident " + i
                        + " acknowledged").isTrue();
                // when the drill saw the deliver_sm_resp (an ack it saw only now is later than any close)
                Instant ack = acked.getOrDefault(a.get().smscId(), Instant.now());
                if (outcome.startsWith("closed: no reply")) {
                    // An answer is judged by when it arrived (ADR 0036): only one that arrived after its survey's
                    // deadline may find the survey closed. The gateway took it before the drill saw the ack, so
                    // an ack before the deadline is an answer lost.
                    Instant surveyAt = completedAt(history, round).plus(SURVEY_WAIT);
                    assertThat(ack).as("resident " + i + "'s answer " + a.get() + " lost: acknowledged at " + ack
                            + ", before its survey's deadline " + surveyAt + " (closed at " + closedAt(history, round)
                            + ")").isAfterOrEqualTo(surveyAt);
                    late++;
                    continue;
                }
                assertThat(outcome).as("resident " + i + " round " + round).isEqualTo("survey answer: "
                        + zh(a.get().digit()));
                recorded++;
            }
            assertThat(outcomes).as("resident " + i + ": no answer recorded twice").hasSize(completed);
        }
        assertThat(rig.rows("SELECT w.ticket FROM work_order w JOIN work_order_event e ON e.id = (SELECT MAX(id)"
                + " FROM work_order_event WHERE work_order_id = w.id) WHERE w.state <> e.to_state")).isEmpty();
        return new Verdict(surveys, completions, straddling, recorded, silent, late);
    }

    private static boolean acknowledged(SmscProcess smsc, long id) {
        return smsc.events().stream().anyMatch(e -> "resp".equals(e.getString("event")) && e.getLong("id") == id
                && Integer.valueOf(0).equals(e.getValue("status")));
    }

    private static Optional<Answer> roundOf(List<Answer> given, int round) {
        return given.stream().filter(a -> a.round() == round).findFirst();
    }

    /** When the order was completed for the {@code round}-th time: its survey's deadline is SURVEY_WAIT later. */
    private static Instant completedAt(List<Map<String, Object>> history, int round) {
        return history.stream().filter(h -> "COMPLETED".equals(h.get("to_state"))).skip(round).findFirst()
                .map(h -> ((LocalDateTime) h.get("at")).toInstant(ZoneOffset.UTC)).orElseThrow();
    }

    private static Instant closedAt(List<Map<String, Object>> history, int round) {
        return history.stream().filter(h -> "SURVEYED".equals(h.get("to_state"))
                        || String.valueOf(h.get("details")).startsWith("closed: no reply")).skip(round).findFirst()
                .map(h -> ((LocalDateTime) h.get("at")).toInstant(ZoneOffset.UTC)).orElseThrow();
    }

    private static String zh(String digit) {
        return switch (digit) {
            case "1" -> "满意";
            case "2" -> "基本满意";
            default -> "不满意";
        };
    }

    /** Positions in the SMSC's event list of every survey submitted to {@code resident}. */
    private static List<Integer> surveyEvents(SmscProcess smsc, String resident) {
        List<JsonObject> events = smsc.events();
        List<Integer> at = new ArrayList<>();
        for (int k = 0; k < events.size(); k++) {
            if (isSurvey(events.get(k)) && resident.equals(events.get(k).getString("dest"))) {
                at.add(k);
            }
        }
        return at;
    }

    /** Surveys to one resident that went out after a kill whose predecessor went out before it. */
    private static long sessionsClosed(SmscProcess smsc) {
        return smsc.events().stream().filter(e -> "session_closed".equals(e.getString("event"))).count();
    }

    private static int straddlingCopies(List<Integer> asked, List<Integer> killedAtEvent) {
        int extra = 0;
        for (int k = 1; k < asked.size(); k++) {
            int before = asked.get(k - 1);
            int after = asked.get(k);
            if (killedAtEvent.stream().anyMatch(kill -> before < kill && kill <= after)) {
                extra++;
            }
        }
        return extra;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
