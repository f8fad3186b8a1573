package org.hotline81890.gateway.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.hotline81890.directory.LabelledExample;
import org.hotline81890.gateway.schedule.ScaledClock;

/**
 * The residents: new requests at the day's rhythm ({@link DayCurve}) over the channels in a city hotline's
 * proportion (phone 62 %, web and app 20 %, SMS 18 %; without the SMSC its share goes to the web), from a pool of
 * numbers so some residents call again. A free run sends at {@code rate} per real second on average, for ever or up
 * to {@code requests}; the day run sends exactly {@code requests}, at instants drawn from the day's curve.
 */
final class Residents {
    private final DemoOptions options;
    private final ScaledClock clock;
    private final SimSchedule schedule;
    private final RequestBook book;
    private final Behaviour behaviour;
    private final Callers phone;
    private final Optional<NodeSmsc> sms;
    private final WebForms web;
    private final BiConsumer<String, LabelledExample> texted;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger planned = new AtomicInteger();
    private final int pool;
    private volatile boolean stopped;

    Residents(DemoOptions options, ScaledClock clock, SimSchedule schedule, RequestBook book, Behaviour behaviour,
              Callers phone, Optional<NodeSmsc> sms, WebForms web, BiConsumer<String, LabelledExample> texted) {
        this.options = options;
        this.clock = clock;
        this.schedule = schedule;
        this.book = book;
        this.behaviour = behaviour;
        this.phone = phone;
        this.sms = sms;
        this.web = web;
        this.texted = texted;
        this.pool = Math.max(2_000, options.requests().orElse(100_000) / 2);
    }

    void start() {
        if (options.day()) {
            Instant from = clock.instant();
            for (Instant at : dayArrivals(options.requests().get())) {
                // --start later than midnight: that part of the day only. Compared with the run's origin, not with
                // the clock, which has moved on while the demo started: the first arrivals after midnight were
                // dropped, and the day, waiting for every request to be sent, never ended.
                if (!at.isBefore(options.start())) {
                    planned.incrementAndGet();
                    schedule.after(Duration.between(from, at), this::one);
                }
            }
        } else {
            schedule.now(this::next);
        }
    }

    int sent() {
        return sent.get();
    }

    /** The requests this run will send: with --day, the day's arrivals from its start on; otherwise the limit. */
    int planned() {
        return options.day() ? planned.get() : options.requests().orElse(Integer.MAX_VALUE);
    }

    void stop() {
        stopped = true;
    }

    /** The free run: this request, then the next one after an exponential gap at the hour's rate. */
    private void next() {
        if (stopped || options.requests().map(n -> sent.get() >= n).orElse(false)) {
            return;
        }
        double perSimulatedSecond = options.rate() * DayCurve.weight(clock.instant()) / clock.speed();
        double gap = -Math.log(1 - behaviour.nextDouble()) / perSimulatedSecond;
        // The next resident does not wait for this one's call to end.
        schedule.after(Duration.ofNanos((long) (gap * 1e9)), this::next);
        one();
    }

    /** The day run: every arrival of one day from now, drawn hour by hour from the curve, sorted. */
    private List<Instant> dayArrivals(int n) {
        Instant midnight = clock.instant().atZone(DayCurve.BEIJING).toLocalDate().atStartOfDay(DayCurve.BEIJING)
                .toInstant();
        List<Instant> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double r = behaviour.nextDouble();
            int h = 0;
            for (double acc = DayCurve.share(0); acc < r && h < 23; acc += DayCurve.share(++h)) {
                // walk the cumulative shares to the hour r falls in
            }
            out.add(midnight.plusSeconds(h * 3600L + behaviour.nextInt(3600)));
        }
        out.sort(null);
        return out;
    }

    private void one() {
        if (stopped) {
            return;
        }
        int n = sent.incrementAndGet();
        LabelledExample request = book.pick(behaviour.random());
        String number = "139" + String.format("%08d", (behaviour.nextInt(pool) * 7_919L) % 100_000_000L);
        double channel = behaviour.nextDouble();
        if (channel < 0.62) {
            phone.call(number, book.keysFor(request.serviceCode().orElseThrow()));
        } else if (channel < 0.80 && sms.isPresent()) {
            // Half the texters say where at once, as residents do ("…，在鼓楼街道孝闻社区"); the others answer the
            // address question, when the service needs one. The hotline reads the area from the words (AreaNames).
            Areas.Place place = Areas.pick(behaviour.random());
            String text = behaviour.random().nextBoolean() ? request.text() + "，在" + place.street()
                    + place.community() : request.text();
            texted.accept(text, request);
            sms.get().deliver("86" + number, text);
        } else {
            web.submit("demo-" + options.seed() + "-" + n, number, request.text(), Areas.pick(behaviour.random()));
        }
    }
}
