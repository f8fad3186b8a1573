package org.hotline81890.gateway.channel.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.supervision.KpiCharts;
import org.hotline81890.gateway.supervision.KpiCharts.By;
import org.hotline81890.gateway.supervision.KpiCharts.Measure;
import org.hotline81890.gateway.supervision.KpiCharts.TimePercentiles;
import org.hotline81890.gateway.supervision.ProviderRanking;

/**
 * The response/completion percentiles and the providers' scorecards as the charts page shows them: chart data for
 * the per-day lines, table rows with their figures as text and, for sorting in the browser, as numbers.
 */
final class ScorecardViews {
    private ScorecardViews() {
    }

    /** One percentile table row (per category): the figures as text. */
    public record TimeRow(String key, String name, String measure, long orders, long reached, String withinGoal,
                          String p50, String p90, String p99) {
    }

    /** One scorecard row; {@code sort} holds each column's sort value, in the table's column order. */
    public record ScoreRow(String rank, String id, String name, String kind, long offers, String acceptance,
                           String onTime, long completed, String completion, String satisfaction, String reopen,
                           long notices, long overdue, String score, String watch, List<String> sort) {
    }

    /** Per Beijing day: p50/p90/p99 in minutes (response) or hours (completion), and the goal line. */
    static String dayJson(List<TimePercentiles> all, Measure m) {
        Duration unit = m == Measure.RESPONSE ? Duration.ofMinutes(1) : Duration.ofHours(1);
        JsonArray days = new JsonArray();
        JsonArray[] lines = {new JsonArray(), new JsonArray(), new JsonArray()};
        for (TimePercentiles t : all) {
            if (t.measure() == m && t.by() == By.DAY) {
                days.add(t.key());
                lines[0].add(in(t.p50(), unit));
                lines[1].add(in(t.p90(), unit));
                lines[2].add(in(t.p99(), unit));
            }
        }
        Duration goal = m == Measure.RESPONSE ? KpiCharts.RESPONSE_GOAL : KpiCharts.COMPLETION_GOAL;
        return new JsonObject().put("days", days).put("p50", lines[0]).put("p90", lines[1]).put("p99", lines[2])
                .put("goal", (double) goal.toMillis() / unit.toMillis())
                .put("unit", m == Measure.RESPONSE ? "分钟" : "小时").encode();
    }

    static List<TimeRow> byCategory(List<TimePercentiles> all, Function<String, String> names) {
        return all.stream().filter(t -> t.by() == By.CATEGORY).map(t -> new TimeRow(t.key(), names.apply(t.key()),
                t.measure() == Measure.RESPONSE ? "响应" : "办结", t.orders(), t.reached(),
                percent(t.withinGoal(), t.orders()), human(t.p50()), human(t.p90()), human(t.p99()))).toList();
    }

    static List<ScoreRow> scorecards(List<ProviderRanking.Row> rows) {
        return rows.stream().map(ScorecardViews::scoreRow).toList();
    }

    private static ScoreRow scoreRow(ProviderRanking.Row r) {
        KpiCharts.ProviderFigures f = r.figures();
        String completion = f.completionP50().isEmpty() ? "–" : human(f.completionP50()) + " / "
                + human(f.completionP90());
        List<String> sort = List.of(r.rank().map(String::valueOf).orElse("99999"), f.name(), kind(f.kind()),
                Long.toString(f.offers()), num(r.acceptance()), num(r.onTime()), Long.toString(f.completed()),
                f.completionP50().map(d -> Long.toString(d.toMillis())).orElse(""), num(r.satisfaction()),
                num(r.reopenRate()), Long.toString(r.supervision()), r.score().map(String::valueOf).orElse(""),
                Integer.toString(r.watch().size()));
        return new ScoreRow(r.rank().map(String::valueOf).orElse("–"), f.provider(), f.name(), kind(f.kind()),
                f.offers(), pct(r.acceptance()), pct(r.onTime()), f.completed(), completion, pct(r.satisfaction()),
                pct(r.reopenRate()), f.notices(), f.overdue(), r.score().map(s -> String.format(Locale.ROOT, "%.1f",
                        s)).orElse("–"), String.join("、", r.watch()), sort);
    }

    static String kind(String kind) {
        return switch (kind) {
            case "DEPARTMENT" -> "职能部门";
            case "PARTNER_COMPANY" -> "加盟企业";
            case "VOLUNTEER_INDIVIDUAL", "VOLUNTEER_TEAM" -> "志愿者";
            default -> kind;
        };
    }

    /** 42 秒, 3.5 分钟, 26.0 小时; "–" when nothing got there. */
    static String human(Optional<Duration> d) {
        if (d.isEmpty()) {
            return "–";
        }
        long ms = d.get().toMillis();
        if (ms < 60_000) {
            return Math.round(ms / 1000.0) + " 秒";
        }
        if (ms < 3_600_000) {
            return String.format(Locale.ROOT, "%.1f 分钟", ms / 60_000.0);
        }
        return String.format(Locale.ROOT, "%.1f 小时", ms / 3_600_000.0);
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String pct(Optional<Double> v) {
        return v.map(x -> String.format(Locale.ROOT, "%.1f%%", 100 * x)).orElse("–");
    }

    private static String num(Optional<Double> v) {
        return v.map(x -> String.format(Locale.ROOT, "%.4f", x)).orElse("");
    }

    private static Object in(Optional<Duration> d, Duration unit) {
        return d.map(x -> Math.round(100.0 * x.toMillis() / unit.toMillis()) / 100.0).orElse(null);
    }
}
