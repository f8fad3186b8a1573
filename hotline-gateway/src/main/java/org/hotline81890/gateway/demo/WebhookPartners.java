package org.hotline81890.gateway.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.schedule.ScaledClock;
import org.hotline81890.partners.webhook.WebhookSigner;

/**
 * The partner companies' own systems: an HTTP endpoint per company that receives the hotline's signed offer
 * webhooks (checked like a partner would check them), and a client of the partner API with the company's own key
 * that accepts or declines, sets out and completes, later in simulated time. A call without an answer (a timeout, a
 * 5xx) is tried again later, as a partner's integration does, up to {@link #TRIES} times with a doubling pause: a
 * completion lost to one timeout otherwise left its order ACCEPTED until its complete-by, days later (ADR 0049).
 */
final class WebhookPartners implements AutoCloseable {
    static final int TRIES = 6;
    /** The first pause before trying a call again, in simulated time; doubled each time. */
    static final Duration RETRY = Duration.ofMinutes(2);
    private static final Runnable NOTHING = () -> { };

    /** How one partner-API call went. */
    enum Outcome { DONE, REFUSED, FAILED }

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, SampleProviders.Provider> simulated;
    private final Function<String, String> keys;
    private final SimSchedule schedule;
    private final Behaviour behaviour;
    private final Ledger ledger;
    private final ScaledClock clock;
    private volatile String api = "";

    WebhookPartners(Map<String, SampleProviders.Provider> simulated, Function<String, String> keys,
                    SimSchedule schedule, Behaviour behaviour, Ledger ledger, ScaledClock clock) throws IOException {
        this.simulated = simulated;
        this.keys = keys;
        this.schedule = schedule;
        this.behaviour = behaviour;
        this.ledger = ledger;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook/", this::receive);
        server.start();
    }

    /** Where the hotline should send a provider's webhooks: this + provider id. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/";
    }

    void apiAt(String baseUrl) {
        this.api = baseUrl;
    }

    private void receive(HttpExchange ex) throws IOException {
        String id = ex.getRequestURI().getPath().substring("/hook/".length());
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        SampleProviders.Provider p = simulated.get(id);
        int status = p == null ? 404 : verified(p, ex, body) ? 200 : 401;
        ex.sendResponseHeaders(status, -1);
        ex.close();
        if (status == 200) {
            onEvent(p, new JsonObject(body));
        }
    }

    private boolean verified(SampleProviders.Provider p, HttpExchange ex, String body) {
        WebhookSigner.Verification v = new WebhookSigner(p.webhookSecret()).verify(
                Optional.ofNullable(ex.getRequestHeaders().getFirst(WebhookSigner.TIMESTAMP_HEADER)),
                Optional.ofNullable(ex.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER)), body,
                clock.instant(), replayWindow(clock));
        if (!(v instanceof WebhookSigner.Verification.Valid)) {
            ledger.count("webhook.refused." + v.getClass().getSimpleName());
            return false;
        }
        return true;
    }

    /**
     * A partner's replay window (5 minutes) bounds how late a signed webhook may arrive: real time, the network's and
     * the queues'. The demo's partners read the hotline's simulated clock, on which that is the speed times as long:
     * at the drain's 3000x a webhook 0.1 s late is 5 simulated minutes late, and was refused (401, Stale).
     */
    static Duration replayWindow(ScaledClock clock) {
        return Duration.ofMillis((long) Math.ceil(WebhookSigner.DEFAULT_MAX_SKEW.toMillis() * Math.max(1,
                clock.speed())));
    }

    private void onEvent(SampleProviders.Provider p, JsonObject event) {
        String offer = String.valueOf(event.getValue("offerId"));
        switch (event.getString("event", "")) {
            case "offer.offered" -> answer(p, offer);
            case "offer.cancelled", "offer.expired" -> ledger.withdraw("offer:" + offer);
            default -> {
            }
        }
    }

    private void answer(SampleProviders.Provider p, String offer) {
        switch (behaviour.offer(p)) {
            case Behaviour.Answer.Accept a -> schedule.after(a.after(), () -> call(p, offer, "accept",
                    new JsonObject(), 1, () -> {
                        schedule.after(behaviour.setOut(), () -> call(p, offer, "start", new JsonObject(), 1,
                                NOTHING));
                        schedule.after(behaviour.work(p), () -> call(p, offer, "complete",
                                new JsonObject().put("note", "已上门处理完毕"), 1, NOTHING));
                    }));
            case Behaviour.Answer.Decline d -> schedule.after(d.after(), () -> call(p, offer, "decline",
                    new JsonObject().put("reason", d.reason()), 1, NOTHING));
            case Behaviour.Answer.Ignore i -> ledger.count("api.ignore");
        }
    }

    /**
     * One action on the offer (unless the hotline withdrew it meanwhile), then {@code done} once it is taken; tried
     * again later when it went unanswered.
     */
    private void call(SampleProviders.Provider p, String offer, String action, JsonObject body, int attempt,
                      Runnable done) {
        if (!action.equals("accept") && !action.equals("decline") && ledger.withdrawn("offer:" + offer)) {
            return;
        }
        switch (post(p, offer, action, body)) {
            case DONE -> {
                if (!action.equals("start")) {
                    ledger.count("api." + action);
                }
                done.run();
            }
            case REFUSED -> {
            }
            case FAILED -> {
                if (attempt < TRIES) {
                    ledger.count("api." + action + ".retry");
                    schedule.after(RETRY.multipliedBy(1L << (attempt - 1)), () -> call(p, offer, action, body,
                            attempt + 1, done));
                } else {
                    ledger.count("api." + action + ".gave-up");
                }
            }
        }
    }

    /** One partner-API call; 2xx is done, a 4xx (the offer moved on meanwhile) is counted and dropped. */
    private Outcome post(SampleProviders.Provider p, String offer, String action, JsonObject body) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(api + "/api/partner/offers/" + offer + "/" + action))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + keys.apply(p.id()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 == 2) {
                return Outcome.DONE;
            }
            ledger.count("api." + action + "." + res.statusCode() + "." + error(res.body()));
            return res.statusCode() / 100 == 5 ? Outcome.FAILED : Outcome.REFUSED;
        } catch (IOException e) {
            ledger.count("api.error");
            return Outcome.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.REFUSED;
        }
    }

    private static String error(String body) {
        try {
            return new JsonObject(body).getString("error", "?");
        } catch (RuntimeException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        server.stop(0);
        http.close();
    }
}
