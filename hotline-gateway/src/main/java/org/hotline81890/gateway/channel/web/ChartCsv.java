package org.hotline81890.gateway.channel.web;

import java.util.List;
import java.util.function.Function;

import org.hotline81890.gateway.supervision.KpiCharts;

/**
 * The KPI charts as CSV: UTF-8 with a byte-order mark (Excel then reads the Chinese), one header, one row per figure;
 * a cell that a spreadsheet would run as a formula ({@code = + - @}) is prefixed with {@code '}.
 */
final class ChartCsv {
    static final String HEADER = "指标,小时/日期,渠道,类别,区县,号码,数量";
    static final String SCORECARD_HEADER = "排名,服务单位,编号,类型,派单数,接单率,按时响应率,办结数,办结用时P50/P90,"
            + "满意率,重办率,督办单,逾期,综合分,需关注";

    private ChartCsv() {
    }

    static String of(List<KpiCharts.HourCount> hours, List<KpiCharts.HeatCell> heat, Function<String, String> channels,
                     Function<String, String> categories) {
        StringBuilder out = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (KpiCharts.HourCount h : hours) {
            row(out, "每小时诉求", String.format("%02d", h.hour()), channels.apply(h.channel()), "", "", h.count());
        }
        for (KpiCharts.HeatCell c : heat) {
            row(out, "类别×区县", "", "", categories.apply(c.category()), c.district().isEmpty() ? "未知" : c.district(),
                    c.count());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String what, String hour, String channel, String category,
                            String district, long count) {
        row(out, what, hour, channel, category, district, "", count);
    }

    private static void row(StringBuilder out, String what, String hour, String channel, String category,
                            String district, String number, long count) {
        out.append(cell(what)).append(',').append(cell(hour)).append(',').append(cell(channel)).append(',')
                .append(cell(category)).append(',').append(cell(district)).append(',').append(cell(number))
                .append(',').append(count).append("\r\n");
    }

    /** The rows after the first part: orders received, answered at first contact, repeat callers (masked). */
    static String more(KpiCharts.FirstContact fc, List<SupervisorChartRoutes.RepeatRow> repeat) {
        StringBuilder out = new StringBuilder();
        row(out, "受理量", "", "", "", "", fc.received());
        row(out, "首次联系解决", "", "", "", "", fc.answered());
        for (SupervisorChartRoutes.RepeatRow r : repeat) {
            row(out, "重复来电", "", "", "", "", r.number(), r.orders());
        }
        return out.toString();
    }

    /** Per day: the survey answers, and the satisfied ones (满意 or 基本满意); the day in the hour column's place. */
    static String satisfaction(List<KpiCharts.DaySatisfaction> days) {
        StringBuilder out = new StringBuilder();
        for (KpiCharts.DaySatisfaction d : days) {
            row(out, "回访答复", d.day().toString(), "", "", "", d.answers());
            row(out, "满意", d.day().toString(), "", "", "", d.satisfied());
        }
        return out.toString();
    }

    /**
     * The response and completion times: per day (in the date column) and per category, the orders, how many got
     * there, how many within the goal, and p50/p90/p99 in whole seconds (an empty percentile is left out).
     */
    static String times(List<KpiCharts.TimePercentiles> times, Function<String, String> categories) {
        StringBuilder out = new StringBuilder();
        for (KpiCharts.TimePercentiles t : times) {
            String what = t.measure() == KpiCharts.Measure.RESPONSE ? "响应" : "办结";
            String day = t.by() == KpiCharts.By.DAY ? t.key() : "";
            String category = t.by() == KpiCharts.By.CATEGORY ? categories.apply(t.key()) : "";
            row(out, what + "·受理量", day, "", category, "", t.orders());
            row(out, what + "·已" + what, day, "", category, "", t.reached());
            row(out, what + "·目标内（" + (t.measure() == KpiCharts.Measure.RESPONSE ? "5分钟" : "24小时") + "）", day,
                    "", category, "", t.withinGoal());
            String[] names = {"P50", "P90", "P99"};
            List<java.util.Optional<java.time.Duration>> ps = List.of(t.p50(), t.p90(), t.p99());
            for (int i = 0; i < 3; i++) {
                int n = i;
                ps.get(i).ifPresent(d -> row(out, what + "用时" + names[n] + "（秒）", day, "", category, "",
                        Math.round(d.toMillis() / 1000.0)));
            }
        }
        return out.toString();
    }

    /** The providers' ranking as a second table after an empty line, best first, as the page shows it. */
    static String scorecards(List<org.hotline81890.gateway.supervision.ProviderRanking.Row> rows) {
        StringBuilder out = new StringBuilder("\r\n服务单位排名\r\n").append(SCORECARD_HEADER).append("\r\n");
        for (ScorecardViews.ScoreRow r : ScorecardViews.scorecards(rows)) {
            out.append(String.join(",", java.util.stream.Stream.of(r.rank(), r.name(), r.id(), r.kind(),
                    Long.toString(r.offers()), r.acceptance(), r.onTime(), Long.toString(r.completed()),
                    r.completion(), r.satisfaction(), r.reopen(), Long.toString(r.notices()),
                    Long.toString(r.overdue()), r.score(), r.watch()).map(ChartCsv::cell).toList())).append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
