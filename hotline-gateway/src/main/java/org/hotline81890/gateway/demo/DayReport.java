package org.hotline81890.gateway.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.workorder.WorkOrderState;

/**
 * The figures of a run, read back from the hotline itself: every order the residents were given a ticket for, with
 * its history ({@code GET /api/admin/work-orders/{ticket}}), and the hotline's KPIs ({@code GET /api/admin/kpis}).
 * Times are simulated time, as the hotline recorded them.
 */
final class DayReport {
    static final Duration OFFER_GOAL = Duration.ofMinutes(5);
    private final String api;
    private final String token;

    DayReport(String api, String token) {
        this.api = api;
        this.token = token;
    }

    /** One order as the report needs it. */
    record Order(String ticket, String channel, WorkOrderState state, Instant created, Optional<Duration> toOffer,
                 boolean matched, int unsatisfied, int reopened, Set<WorkOrderState> reached) {
    }

    /** The run's figures. */
    record Figures(List<Order> orders, int missing, JsonObject kpis) {
        long count(java.util.function.Predicate<Order> p) {
            return orders.stream().filter(p).count();
        }

        Set<WorkOrderState> statesReached() {
            Set<WorkOrderState> all = EnumSet.noneOf(WorkOrderState.class);
            orders.forEach(o -> all.addAll(o.reached()));
            return all;
        }

        /** Orders dispatched by the directory's match (the others wait for an agent), offered within the goal. */
        double offeredWithinGoal() {
            long matched = count(Order::matched);
            return matched == 0 ? 0 : (double) count(o -> o.matched() && o.toOffer().map(d -> d.compareTo(OFFER_GOAL)
                    <= 0).orElse(false)) / matched;
        }

        Optional<Duration> dispatchPercentile(double p) {
            List<Duration> d = new ArrayList<>(orders.stream().flatMap(o -> o.toOffer().stream()).toList());
            if (d.isEmpty()) {
                return Optional.empty();
            }
            Collections.sort(d);
            return Optional.of(d.get(Math.min(d.size() - 1, (int) Math.ceil(p * d.size()) - 1)));
        }

        /** A KPI over every category: count / outOf of {@code name} (response, resolution, satisfaction). */
        Optional<Double> rate(String name) {
            long count = 0;
            long outOf = 0;
            for (Object c : kpis.getJsonArray("byCategory", new JsonArray())) {
                JsonObject r = ((JsonObject) c).getJsonObject(name, new JsonObject());
                count += r.getLong("count", 0L);
                outOf += r.getLong("outOf", 0L);
            }
            return outOf == 0 ? Optional.empty() : Optional.of((double) count / outOf);
        }
    }

    Figures collect(Map<String, String> tickets, int days) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Order> orders = Collections.synchronizedList(new ArrayList<>());
        Set<String> missing = ConcurrentHashMap.newKeySet();
        Semaphore inFlight = new Semaphore(8);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            tickets.forEach((ticket, channel) -> pool.execute(() -> {
                inFlight.acquireUninterruptibly();
                try {
                    get(http, "/api/admin/work-orders/" + ticket).map(j -> order(j, channel))
                            .ifPresentOrElse(orders::add, () -> missing.add(ticket));
                } finally {
                    inFlight.release();
                }
            }));
        }
        JsonObject kpis = get(http, "/api/admin/kpis?days=" + days).orElse(new JsonObject());
        http.close();
        return new Figures(List.copyOf(orders), missing.size(), kpis);
    }

    private Optional<JsonObject> get(HttpClient http, String path) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            return res.statusCode() == 200 ? Optional.of(new JsonObject(res.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Order order(JsonObject w, String channel) {
        Instant created = Instant.parse(w.getString("createdAt"));
        Optional<Duration> toOffer = Optional.empty();
        boolean matched = false;
        int unsatisfied = 0;
        int reopened = 0;
        Set<WorkOrderState> reached = EnumSet.noneOf(WorkOrderState.class);
        for (Object o : w.getJsonArray("history", new JsonArray())) {
            JsonObject e = (JsonObject) o;
            WorkOrderState to = WorkOrderState.valueOf(e.getString("to"));
            reached.add(to);
            matched |= to == WorkOrderState.MATCHED;
            if (to == WorkOrderState.OFFERED && toOffer.isEmpty()) {
                toOffer = Optional.of(Duration.between(created, Instant.parse(e.getString("at"))));
            }
            if (to == WorkOrderState.SURVEYED && e.getString("details", "").endsWith("不满意")) {
                unsatisfied++;
            }
            if (to == WorkOrderState.REOPENED) {
                reopened++;
            }
        }
        return new Order(w.getString("ticket"), channel, WorkOrderState.valueOf(w.getString("state")), created,
                toOffer, matched, unsatisfied, reopened, reached);
    }
}
