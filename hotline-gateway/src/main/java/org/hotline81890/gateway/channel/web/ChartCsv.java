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

    static String cell(String value) {
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
