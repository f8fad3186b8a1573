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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.dispatch.DispatchOutcomes;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.PromiseClock;
import org.hotline81890.gateway.workorder.WorkOrderState;

/**
 * The figures of a run, read back from the hotline itself: every order the residents were given a ticket for, with
 * its history ({@code GET /api/admin/work-orders/{ticket}}), and the hotline's KPIs ({@code GET /api/admin/kpis}).
 * Times are simulated time, as the hotline recorded them.
 */
final class DayReport {
    static final Duration OFFER_GOAL = PromiseClock.GOAL;
    /** The most orders of one state the admin API lists at once. */
    static final int LISTED = 500;
    private final String api;
    private final String token;

    DayReport(String api, String token) {
        this.api = api;
        this.token = token;
    }

    private static final Pattern OPENING = Pattern.compile("offered at (\\S+) when ");

    /**
     * One order as the report needs it. {@code reopened} counts moves into REOPENED, not every event written while
     * the order was REOPENED (a hold for opening hours or a 转办 there records an event in the same state).
     * {@code heldUntil}: the opening the night policy held it for before its first offer (ADR 0019).
     * {@code due}: the deadline that decides its next step in its state ({@link OpenOrders#due}); {@code last}: its
     * history's last event, for why an order is still open. {@code promiseFrom}: when the promise's clock started
     * ({@link PromiseClock}: the agent's placement of a call without a menu choice, else {@code created});
     * {@code toOffer} counts from it.
     */
    record Order(String ticket, String channel, WorkOrderState state, Instant created, Instant promiseFrom,
                 Optional<Duration> toOffer, boolean matched, int unsatisfied, int reopened,
                 Set<WorkOrderState> reached, Optional<Instant> heldUntil, Optional<Instant> due,
                 Optional<JsonObject> last) {
        /** Offered within the goal from the opening it was held for (from the promise's start when not held). */
        boolean offeredInTimeFromOpening() {
            return toOffer.map(promiseFrom::plus).map(at -> !at.isAfter(heldUntil
                    .filter(h -> h.isAfter(promiseFrom)).orElse(promiseFrom).plus(OFFER_GOAL))).orElse(false);
        }

        /** The time to the first offer counted from the order's creation (a call's arrival), as before ADR 0053. */
        Optional<Duration> toOfferFromCreation() {
            return toOffer.map(d -> d.plus(Duration.between(created, promiseFrom)));
        }

        /** Escalated (督办) without ever being offered and not held: no provider serves it there at all. */
        boolean noProvider() {
            return toOffer.isEmpty() && heldUntil.isEmpty() && reached.contains(WorkOrderState.ESCALATED);
        }

        boolean hadProviderOpen() {
            return matched && heldUntil.isEmpty() && !noProvider();
        }

        boolean offeredInTime() {
            return toOffer.map(d -> d.compareTo(OFFER_GOAL) <= 0).orElse(false);
        }
    }

    /** The run's figures. */
    /** {@code readAt}: the hotline's (simulated) time when the orders were read. */
    record Figures(List<Order> orders, int missing, JsonObject kpis, Instant readAt) {
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
            return share(Order::matched, Order::offeredInTime);
        }

        /**
         * The same over the matched orders that had a provider open to answer: not held for opening hours, and not
         * escalated before any offer (nobody serves that service there at all).
         */
        double offeredWithinGoalWhenOpen() {
            return share(Order::hadProviderOpen, Order::offeredInTime);
        }

        /**
         * Of the orders that had a provider open and came by {@code channel}: offered within the goal from the
         * promise's start ({@link PromiseClock}) and, for comparison, from the order's creation (ADR 0053).
         */
        double[] offeredWithinGoalWhenOpenBy(String channel) {
            java.util.function.Predicate<Order> of = o -> o.hadProviderOpen() && o.channel().equals(channel);
            return new double[] {share(of, Order::offeredInTime), share(of, o -> o.toOfferFromCreation()
                    .map(d -> d.compareTo(OFFER_GOAL) <= 0).orElse(false))};
        }

        /** Matched orders held for a provider's opening, offered within the goal of that opening. */
        double heldOfferedWithinGoalOfOpening() {
            return share(o -> o.matched() && o.heldUntil().isPresent(), Order::offeredInTimeFromOpening);
        }

        /**
         * The same over the held orders whose opening came before {@code end} (the simulated day's end): an opening
         * during the drain, where 5 simulated minutes are a fraction of a real second, is missed whatever the hotline
         * does.
         */
        double heldOfferedWithinGoalOfOpeningBefore(Instant end) {
            return share(o -> heldBefore(o, end), Order::offeredInTimeFromOpening);
        }

        static boolean heldBefore(Order o, Instant end) {
            return o.matched() && o.heldUntil().filter(h -> h.isBefore(end)).isPresent();
        }

        private double share(java.util.function.Predicate<Order> of, java.util.function.Predicate<Order> which) {
            long n = count(of);
            return n == 0 ? 0 : (double) count(of.and(which)) / n;
        }

        Optional<Duration> dispatchPercentile(double p) {
            return dispatchPercentile(p, o -> true);
        }

        /**
         * The same over the orders {@code of} picks, e.g. those offered after the goal (ADR 0041: the first-offer
         * order keeps the promise for more orders and makes these wait longer).
         */
        Optional<Duration> dispatchPercentile(double p, java.util.function.Predicate<Order> of) {
            List<Duration> d = new ArrayList<>(orders.stream().filter(of).flatMap(o -> o.toOffer().stream()).toList());
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

    /**
     * {@code from}: the start of the KPIs' window as an instant. Not a number of days back from the hotline's clock:
     * that clock is simulated and keeps running while the orders are read (60,000 orders took minutes, 3000x made
     * them days), so a window of days slid past the whole day and the KPIs read 0.0 % / - / -.
     */
    Figures collect(Map<String, String> tickets, Instant from, Instant readAt) {
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
        JsonObject kpis = get(http, "/api/admin/kpis?from=" + from).orElse(new JsonObject());
        http.close();
        return new Figures(List.copyOf(orders), missing.size(), kpis, readAt);
    }

    /**
     * The latest deadline after {@code now} among the open orders the hotline lists ({@code GET
     * /api/admin/work-orders?state=S}, the newest {@value #LISTED} of each open state): while there is one, the
     * hotline has a step left to take on its own (an escalation, a survey closed as no reply).
     */
    Optional<Instant> latestDueAfter(Instant now) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            return EnumSet.allOf(WorkOrderState.class).stream().filter(OpenOrders::open)
                    .flatMap(s -> get(http, "/api/admin/work-orders?state=" + s + "&limit=" + LISTED).stream())
                    .flatMap(page -> page.getJsonArray("items", new JsonArray()).stream())
                    .map(JsonObject.class::cast)
                    .flatMap(w -> OpenOrders.due(WorkOrderState.valueOf(w.getString("state")),
                            w.getJsonObject("deadlines", new JsonObject())).stream())
                    .filter(d -> d.isAfter(now)).max(Instant::compareTo);
        } finally {
            http.close();
        }
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
        Optional<Instant> placed = Optional.empty();
        Optional<Instant> offered = Optional.empty();
        boolean matched = false;
        int unsatisfied = 0;
        int reopened = 0;
        Optional<Instant> heldUntil = Optional.empty();
        Set<WorkOrderState> reached = EnumSet.noneOf(WorkOrderState.class);
        for (Object o : w.getJsonArray("history", new JsonArray())) {
            JsonObject e = (JsonObject) o;
            WorkOrderState to = WorkOrderState.valueOf(e.getString("to"));
            boolean moved = !to.name().equals(e.getString("from"));
            reached.add(to);
            if (offered.isEmpty() && heldUntil.isEmpty()
                    && e.getString("details", "").startsWith(DispatchOutcomes.HELD)) {
                heldUntil = opening(e.getString("details")).or(() -> Optional.of(created));
            }
            matched |= to == WorkOrderState.MATCHED;
            if (placed.isEmpty() && (to == WorkOrderState.MATCHED || to == WorkOrderState.ANSWERED)) {
                placed = Optional.of(Instant.parse(e.getString("at")));
            }
            if (to == WorkOrderState.OFFERED && offered.isEmpty()) {
                offered = Optional.of(Instant.parse(e.getString("at")));
            }
            if (to == WorkOrderState.SURVEYED && e.getString("details", "").endsWith("不满意")) {
                unsatisfied++;
            }
            if (to == WorkOrderState.REOPENED && moved) {
                reopened++;
            }
        }
        Instant promiseFrom = PromiseClock.startsAt(Channel.ofWire(w.getString("channel", channel)), created, placed);
        JsonArray history = w.getJsonArray("history", new JsonArray());
        WorkOrderState state = WorkOrderState.valueOf(w.getString("state"));
        return new Order(w.getString("ticket"), channel, state, created, promiseFrom,
                offered.map(at -> Duration.between(promiseFrom, at)), matched, unsatisfied, reopened, reached,
                heldUntil, OpenOrders.due(state, w.getJsonObject("deadlines", new JsonObject())),
                history.isEmpty() ? Optional.empty() : Optional.of(history.getJsonObject(history.size() - 1)));
    }

    private static Optional<Instant> opening(String details) {
        Matcher m = OPENING.matcher(details);
        try {
            return m.find() ? Optional.of(Instant.parse(m.group(1))) : Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
