package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.supervision.ChartFilter;
import org.hotline81890.gateway.supervision.KpiCharts;
import org.hotline81890.gateway.supervision.KpiCharts.By;
import org.hotline81890.gateway.supervision.KpiCharts.Measure;
import org.hotline81890.gateway.supervision.KpiCharts.ProviderFigures;
import org.hotline81890.gateway.supervision.KpiCharts.TimePercentiles;
import org.hotline81890.gateway.supervision.ProviderRanking;
import org.hotline81890.gateway.testing.ManualClock;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.EventPublisher;
import org.hotline81890.gateway.workorder.HintsClassifier;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.ServiceLevels;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The KPI charts' response/completion percentiles and provider scorecards on real MariaDB, against figures worked
 * out by hand for a small seeded set: orders moved through the real store (which keeps V29's responded_at and
 * completed_at), offers, survey answers and 督办单 as rows. Days are Beijing days 2026-12-01 and 2026-12-02.
 */
class MySqlKpiChartsIT {
    private static final Instant DAY1 = Instant.parse("2026-11-30T16:00:00Z");
    private static final Instant DAY2 = DAY1.plus(Duration.ofDays(1));
    private static TestDatabase db;
    private static ManualClock clock;
    private static MySqlWorkOrderStore store;
    private static Tracker tracker;
    private static Intake intake;
    private static MySqlKpiCharts charts;
    private static final ChartFilter BOTH_DAYS = new ChartFilter(LocalDate.parse("2026-12-01"),
            LocalDate.parse("2026-12-02"), Optional.empty(), Optional.empty());

    @BeforeAll
    static void seed() {
        db = TestDatabase.create();
        clock = new ManualClock(DAY1);
        store = new MySqlWorkOrderStore(db.database().transactions(), clock, new SecureRandom());
        ServiceLevels levels = new ServiceLevels(Duration.ofHours(1), Duration.ofHours(48), Duration.ofHours(3));
        tracker = new Tracker(store, levels, EventPublisher.NONE, clock);
        intake = new Intake(store, new HintsClassifier(), levels, EventPublisher.NONE, clock);
        charts = new MySqlKpiCharts(db.database().transactions());
        // Day 1: A and B (HK), C and D (UT), E (MH, answered at first contact); day 2: F (HK); G the day before.
        order("A", "HK-01", DAY1.plus(Duration.ofHours(2)), min(2), Optional.of(Duration.ofHours(3)));
        order("B", "HK-01", DAY1.plus(Duration.ofMinutes(130)), min(4), Optional.of(Duration.ofHours(30)));
        order("C", "UT-01", DAY1.plus(Duration.ofHours(3)), min(10), Optional.empty());
        order("D", "UT-01", DAY1.plus(Duration.ofMinutes(210)), Optional.empty(), Optional.empty());
        WorkOrder e = received("E", "MH-01", DAY1.plus(Duration.ofHours(4)));
        clock.set(DAY1.plus(Duration.ofHours(4)).plus(Duration.ofMinutes(1)));
        tracker.move(e.id(), WorkOrderState.ANSWERED, "it", Channel.AGENT, "answered", x -> List.of());
        order("F", "HK-01", DAY2.plus(Duration.ofHours(1)), min(6), Optional.of(Duration.ofHours(20)));
        order("G", "HK-01", DAY1.minus(Duration.ofHours(1)), min(1), Optional.empty());
        providers();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static Optional<Duration> min(int minutes) {
        return Optional.of(Duration.ofMinutes(minutes));
    }

    private static WorkOrder received(String key, String service, Instant at) {
        clock.set(at);
        Area area = new Area(Optional.of("海曙区"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("某路1号"));
        return ((IntakeResult.Accepted) intake.receive(new IntakeRequest("it:kpi:" + key, Channel.WEB, "13800001234",
                "需要帮忙", Optional.empty(), Optional.of(service), Optional.empty(), area, "it", x -> List.of())))
                .workOrder();
    }

    /** Received at {@code at}, accepted {@code accept} later, completed {@code complete} after receipt. */
    private static void order(String key, String service, Instant at, Optional<Duration> accept,
                              Optional<Duration> complete) {
        WorkOrder w = received(key, service, at);
        if (store.find(w.id()).orElseThrow().state() == WorkOrderState.RECEIVED) {
            tracker.move(w.id(), WorkOrderState.MATCHED, "it", Channel.SYSTEM, "", x -> List.of());
        }
        if (accept.isEmpty()) {
            return;
        }
        clock.set(at.plusSeconds(30));
        tracker.move(w.id(), WorkOrderState.OFFERED, "it", Channel.SYSTEM, "", x -> List.of());
        clock.set(at.plus(accept.get()));
        tracker.move(w.id(), WorkOrderState.ACCEPTED, "it", Channel.PARTNER, "", x -> List.of());
        clock.set(at.plus(accept.get()).plusSeconds(60));
        tracker.record(w.id(), "it", Channel.PARTNER, "on the way (出发)", x -> x, x -> List.of());
        if (complete.isPresent()) {
            clock.set(at.plus(complete.get()));
            tracker.move(w.id(), WorkOrderState.COMPLETED, "it", Channel.PARTNER, "", x -> List.of());
        }
    }

    private static void providers() {
        sql("INSERT INTO provider (id, kind, name, services, coverage, hours, capacity, status, rating) VALUES "
                + "('P-A','PARTNER_COMPANY','甲公司','HK-01','海曙区','24h',5,'ACTIVE',4), "
                + "('P-B','DEPARTMENT','乙局','UT-01','海曙区','24h',5,'ACTIVE',4), "
                + "('P-C','VOLUNTEER_TEAM','丙志愿队','MH-01','海曙区','24h',5,'ACTIVE',4), "
                + "('P-D','PARTNER_COMPANY','丁公司','HK-01','海曙区','24h',5,'ACTIVE',4)");
        // offer(id, provider, state, offered, acceptBy, answered, finished, overdue), times as hours after DAY1
        offer("a1", "P-A", "COMPLETED", "02:00", "02:05", "02:02", "05:02", false);
        offer("a2", "P-A", "COMPLETED", "02:10", "02:15", "02:14", "28:14", true);
        offer("a3", "P-A", "DECLINED", "03:00", "03:05", "03:01", null, false);
        offer("a4", "P-A", "EXPIRED", "03:30", "03:35", "03:35", null, false);
        offer("a5", "P-A", "CANCELLED", "04:00", "04:05", "04:01", null, false);
        offer("a6", "P-A", "OFFERED", "30:00", "30:05", null, null, false);
        offer("b1", "P-B", "ACCEPTED", "05:00", "05:05", "05:20", null, false);
        offer("b2", "P-B", "CANCELLED", "06:00", "06:05", "06:02", "07:00", false);
        offer("d1", "P-D", "COMPLETED", "-05:00", "-04:55", "-04:58", "-03:00", false);
        sql("INSERT INTO provider_survey_score (work_order_id, work_order_version, provider_id, offer_id, score, "
                + "answered_at) VALUES (1, 9, 'P-A', 'a1', 5, '" + at("09:00") + "'), (2, 9, 'P-A', 'a2', 1, '"
                + at("30:00") + "'), (3, 9, 'P-C', 'c1', 4, '" + at("10:00") + "'), (4, 9, 'P-D', 'd1', 5, '"
                + at("-02:00") + "')");
        sql("INSERT INTO supervision_notice (work_order_id, provider_id, issued_by, issued_at, due_at, text, state) "
                + "VALUES (2, 'P-A', 'sup', '" + at("20:00") + "', '" + at("44:00") + "', '请尽快办结', 'OPEN'), "
                + "(3, 'P-B', 'sup', '" + at("-03:00") + "', '" + at("20:00") + "', '请办理', 'OPEN')");
    }

    private static void offer(String id, String provider, String state, String offered, String acceptBy,
                              String answered, String finished, boolean overdue) {
        sql("INSERT INTO offer (id, work_order, service_code, area, request_kind, emergency, provider_id, kind, state, "
                + "offered_at, accept_by, answered_at, finished_at, extensions, overdue, version) VALUES ('" + id
                + "', '1', 'HK-01', '海曙区', 'HELP', FALSE, '" + provider + "', 'OFFER', '" + state + "', '"
                + at(offered) + "', '" + at(acceptBy) + "', " + quoted(answered) + ", " + quoted(finished) + ", 0, "
                + overdue + ", 1)");
    }

    private static String quoted(String hhmm) {
        return hhmm == null ? "NULL" : "'" + at(hhmm) + "'";
    }

    /** "02:05" (or "-04:58", "28:14"): hours and minutes after DAY1, as DATETIME text in UTC. */
    private static String at(String hhmm) {
        boolean minus = hhmm.startsWith("-");
        String[] p = hhmm.replace("-", "").split(":");
        Duration d = Duration.ofHours(Long.parseLong(p[0])).plusMinutes(Long.parseLong(p[1]));
        return Sql.text(minus ? DAY1.minus(d) : DAY1.plus(d));
    }

    private static void sql(String statement) {
        db.database().transactions().inTransaction(c -> {
            try (var ps = c.prepareStatement(statement)) {
                return ps.executeUpdate();
            }
        });
    }

    private static TimePercentiles find(List<TimePercentiles> all, Measure m, By by, String key) {
        return all.stream().filter(t -> t.measure() == m && t.by() == by && t.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + m + " " + by + " " + key + " in " + all));
    }

    private static TimePercentiles expected(Measure m, By by, String key, long orders, long reached, long within,
                                            Duration p50, Duration p90, Duration p99) {
        return new TimePercentiles(m, by, key, orders, reached, within, Optional.ofNullable(p50),
                Optional.ofNullable(p90), Optional.ofNullable(p99));
    }

    private static Duration m(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static Duration h(long hours) {
        return Duration.ofHours(hours);
    }

    @Test
    void responseTimesPerDayAreNearestRankOverTheOrdersThatWereTakenCountedFromReceipt() {
        List<TimePercentiles> all = charts.timePercentiles(BOTH_DAYS, KpiCharts.RESPONSE_GOAL,
                KpiCharts.COMPLETION_GOAL);
        // Day 1: 1, 2, 4, 10 minutes (D never taken): p50 = 2nd, p90 = p99 = 4th; 3 of 5 within 5 minutes.
        assertThat(find(all, Measure.RESPONSE, By.DAY, "2026-12-01"))
                .isEqualTo(expected(Measure.RESPONSE, By.DAY, "2026-12-01", 5, 4, 3, m(2), m(10), m(10)));
        assertThat(find(all, Measure.RESPONSE, By.DAY, "2026-12-02"))
                .isEqualTo(expected(Measure.RESPONSE, By.DAY, "2026-12-02", 1, 1, 0, m(6), m(6), m(6)));
        // Completion day 1: 1 minute (answered), 3 h, 30 h; two within 24 h.
        assertThat(find(all, Measure.COMPLETION, By.DAY, "2026-12-01"))
                .isEqualTo(expected(Measure.COMPLETION, By.DAY, "2026-12-01", 5, 3, 2, h(3), h(30), h(30)));
        assertThat(all).as("G, received the day before, is in no group").noneMatch(t -> t.key().equals("2026-11-30"));
    }

    @Test
    void responseAndCompletionTimesPerCategory() {
        List<TimePercentiles> all = charts.timePercentiles(BOTH_DAYS, KpiCharts.RESPONSE_GOAL,
                KpiCharts.COMPLETION_GOAL);
        assertThat(find(all, Measure.RESPONSE, By.CATEGORY, "HK"))
                .isEqualTo(expected(Measure.RESPONSE, By.CATEGORY, "HK", 3, 3, 2, m(4), m(6), m(6)));
        assertThat(find(all, Measure.RESPONSE, By.CATEGORY, "UT"))
                .isEqualTo(expected(Measure.RESPONSE, By.CATEGORY, "UT", 2, 1, 0, m(10), m(10), m(10)));
        assertThat(find(all, Measure.COMPLETION, By.CATEGORY, "HK"))
                .isEqualTo(expected(Measure.COMPLETION, By.CATEGORY, "HK", 3, 3, 2, h(20), h(30), h(30)));
        assertThat(find(all, Measure.COMPLETION, By.CATEGORY, "UT"))
                .isEqualTo(expected(Measure.COMPLETION, By.CATEGORY, "UT", 2, 0, 0, null, null, null));
        assertThat(find(all, Measure.COMPLETION, By.CATEGORY, "MH"))
                .isEqualTo(expected(Measure.COMPLETION, By.CATEGORY, "MH", 1, 1, 1, m(1), m(1), m(1)));

        ChartFilter hk = new ChartFilter(BOTH_DAYS.from(), BOTH_DAYS.from(), Optional.of("HK"), Optional.empty());
        assertThat(charts.timePercentiles(hk, KpiCharts.RESPONSE_GOAL, KpiCharts.COMPLETION_GOAL))
                .contains(expected(Measure.RESPONSE, By.DAY, "2026-12-01", 2, 2, 2, m(2), m(4), m(4)))
                .noneMatch(t -> t.key().equals("UT"));
    }

    @Test
    void providerFiguresCountTheRangesOffersAnswersAndNotices() {
        List<ProviderFigures> all = charts.providerFigures(BOTH_DAYS);
        assertThat(all).extracting(ProviderFigures::provider).containsExactly("P-A", "P-B", "P-C");
        // P-A: 6 offers; due 4 (2 completed, declined, expired; not the withdrawn or the open one); accepted 2;
        // on time 3 (both completed and the decline); completion 3 h and 26 h; surveys 5 and 1; one 督办单.
        assertThat(all.get(0)).isEqualTo(new ProviderFigures("P-A", "甲公司", "PARTNER_COMPANY", 6, 4, 2, 3, 2,
                Optional.of(h(3)), Optional.of(h(26)), 1, 1, 1, 1));
        // P-B: a late acceptance and one cancelled after an on-time acceptance; its notice was the day before.
        assertThat(all.get(1)).isEqualTo(new ProviderFigures("P-B", "乙局", "DEPARTMENT", 2, 2, 2, 1, 0,
                Optional.empty(), Optional.empty(), 0, 0, 0, 0));
        assertThat(all.get(2)).isEqualTo(new ProviderFigures("P-C", "丙志愿队", "VOLUNTEER_TEAM", 0, 0, 0, 0, 0,
                Optional.empty(), Optional.empty(), 1, 0, 0, 0));
        assertThat(ProviderRanking.rank(all)).extracting(r -> r.figures().provider() + "#" + r.rank().orElse(0))
                .containsExactly("P-C#1", "P-B#2", "P-A#3");

        ChartFilter ut = new ChartFilter(BOTH_DAYS.from(), BOTH_DAYS.to(), Optional.of("UT"), Optional.empty());
        assertThat(charts.providerFigures(ut)).as("every seeded offer is HK")
                .noneMatch(f -> f.offers() > 0);
    }

    @Test
    void aProvidersNewestOffersComeWithTheirTickets() {
        assertThat(charts.recentOffers("P-A", 2)).extracting(KpiCharts.ProviderOffer::state)
                .containsExactly("OFFERED", "CANCELLED");
        assertThat(charts.recentOffers("P-A", 2).getFirst().ticket()).matches("\\d{9}");
    }
}
