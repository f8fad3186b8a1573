package org.hotline81890.gateway.channel.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.directory.Category;
import org.hotline81890.directory.Directory;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.supervision.ChartFilter;
import org.hotline81890.gateway.supervision.KpiCharts;
import org.hotline81890.gateway.supervision.ProviderRanking;
import org.hotline81890.gateway.workorder.PhoneNumbers;

/**
 * {@code /supervisor/charts} (统计图表): requests per hour by channel (an ECharts bar chart, its data in the page's
 * markup, no inline script), a category × district heat table, the first-contact resolution and the top repeat
 * callers (numbers masked: the page shows no full number, so it audits none), filtered by date range, category and
 * district; {@code /supervisor/charts.csv} exports the same figures (UTF-8 with a BOM, so Excel reads the Chinese),
 * {@code /supervisor/charts.xlsx} the same again as a workbook ({@link ChartXlsx}).
 */
public final class SupervisorChartRoutes {
    private static final Map<String, String> CHANNELS = Map.of("PHONE", "电话", "SMS", "短信", "WEB", "网络",
            "AGENT", "坐席", "PARTNER", "服务单位", "SYSTEM", "系统");
    /** The scorecard table's columns, in the order of {@link ScorecardViews.ScoreRow#sort()}. */
    private static final List<String> SCORE_HEADS = List.of("排名", "服务单位", "类型", "派单数", "接单率", "按时响应率",
            "办结数", "办结用时 P50 / P90", "满意率", "重办率", "督办", "综合分", "需关注");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** How many repeat callers the page and the export list. */
    private static final int REPEAT_CALLERS = 10;
    private final KpiCharts charts;
    private final Directory directory;
    private final Pages pages;
    private final Blocking blocking;
    private final Clock clock;

    public SupervisorChartRoutes(KpiCharts charts, Directory directory, Pages pages, Blocking blocking, Clock clock) {
        this.charts = charts;
        this.directory = directory;
        this.pages = pages;
        this.blocking = blocking;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/supervisor/charts").handler(this::handlePage);
        router.get("/supervisor/charts.csv").handler(ctx -> handleExport(ctx, "csv"));
        router.get("/supervisor/charts.xlsx").handler(ctx -> handleExport(ctx, "xlsx"));
    }

    private ChartFilter filter(RoutingContext ctx) {
        return ChartFilter.of(ctx.request().getParam("from"), ctx.request().getParam("to"),
                ctx.request().getParam("category"), ctx.request().getParam("district"),
                LocalDate.ofInstant(clock.instant(), ChartFilter.BEIJING));
    }

    private void handlePage(RoutingContext ctx) {
        ChartFilter f;
        String message = "";
        int status = 200;
        try {
            f = filter(ctx);
        } catch (IllegalArgumentException e) {
            f = ChartFilter.of("", "", "", "", LocalDate.ofInstant(clock.instant(), ChartFilter.BEIJING));
            message = e.getMessage();
            status = 400;
        }
        ChartFilter chosen = f;
        String shown = message;
        int code = status;
        blocking.run(() -> figures(chosen)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            pages.send(ctx, code, "supervisor-charts", view(chosen, ar.result(), shown));
        });
    }

    /** {@code type}: csv or xlsx, the same rows. */
    private void handleExport(RoutingContext ctx, String type) {
        ChartFilter f;
        try {
            f = filter(ctx);
        } catch (IllegalArgumentException e) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end(e.getMessage());
            return;
        }
        ChartFilter chosen = f;
        blocking.run(() -> csv(figures(chosen))).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            ctx.response().putHeader("Content-Type", type.equals("csv") ? "text/csv; charset=utf-8" : XLSX)
                    .putHeader("Content-Disposition", "attachment; filename=\"kpi-" + chosen.from() + "_"
                            + chosen.to() + "." + type + "\"");
            if (type.equals("csv")) {
                ctx.response().end(ar.result());
            } else {
                ctx.response().end(io.vertx.core.buffer.Buffer.buffer(ChartXlsx.of(ar.result())));
            }
        });
    }

    private String csv(Figures figures) {
        return ChartCsv.of(figures.hours(), figures.heat(), this::channelName, this::categoryName)
                + ChartCsv.more(figures.firstContact(), figures.repeatCallers().stream()
                        .map(r -> new RepeatRow(PhoneNumbers.mask(r.number()), r.orders())).toList())
                + ChartCsv.satisfaction(figures.satisfaction())
                + ChartCsv.times(figures.times(), this::categoryName)
                + ChartCsv.scorecards(ProviderRanking.rank(figures.providers()));
    }

    private Figures figures(ChartFilter f) {
        return new Figures(charts.requestsPerHour(f), charts.heat(f), charts.firstContact(f),
                charts.repeatCallers(f, REPEAT_CALLERS), charts.satisfactionByDay(f),
                charts.timePercentiles(f, KpiCharts.RESPONSE_GOAL, KpiCharts.COMPLETION_GOAL),
                charts.providerFigures(f));
    }

    private Map<String, Object> view(ChartFilter f, Figures figures, String message) {
        Map<String, Object> v = new HashMap<>();
        v.put("message", message);
        v.put("from", f.from().toString());
        v.put("to", f.to().toString());
        v.put("category", f.category().orElse(""));
        v.put("district", f.district().orElse(""));
        v.put("categories", directory.categories());
        v.put("csvHref", "/supervisor/charts.csv?" + query(f));
        v.put("xlsxHref", "/supervisor/charts.xlsx?" + query(f));
        v.put("hoursJson", hoursJson(figures.hours()));
        v.put("trendJson", trendJson(figures.satisfaction()));
        HeatTable heat = HeatTable.of(figures.heat(), this::categoryName);
        v.put("districts", heat.districts());
        v.put("heatRows", heat.rows());
        KpiCharts.FirstContact fc = figures.firstContact();
        v.put("fcr", fc.received() == 0 ? "–" : Math.round(1000.0 * fc.answered() / fc.received()) / 10.0 + "%");
        v.put("fcrCounts", fc.answered() + " / " + fc.received());
        v.put("responseJson", ScorecardViews.dayJson(figures.times(), KpiCharts.Measure.RESPONSE));
        v.put("completionJson", ScorecardViews.dayJson(figures.times(), KpiCharts.Measure.COMPLETION));
        v.put("timeRows", ScorecardViews.byCategory(figures.times(), this::categoryName));
        v.put("scoreRows", ScorecardViews.scorecards(ProviderRanking.rank(figures.providers())));
        v.put("scoreHeads", SCORE_HEADS);
        v.put("query", query(f));
        v.put("repeatCallers", figures.repeatCallers().stream()
                .map(r -> new RepeatRow(PhoneNumbers.mask(r.number()), r.orders())).toList());
        return v;
    }

    /** The filter as a query string (the export's link, a provider's link keeps the range). */
    static String query(ChartFilter f) {
        return "from=" + f.from() + "&to=" + f.to() + f.category().map(c -> "&category=" + c).orElse("")
                + f.district().map(d -> "&district=" + java.net.URLEncoder.encode(d,
                        java.nio.charset.StandardCharsets.UTF_8)).orElse("");
    }

    private String hoursJson(List<KpiCharts.HourCount> hours) {
        TreeSet<String> channels = new TreeSet<>();
        hours.forEach(h -> channels.add(h.channel()));
        JsonArray series = new JsonArray();
        for (String channel : channels) {
            long[] perHour = new long[24];
            hours.stream().filter(h -> h.channel().equals(channel)).forEach(h -> perHour[h.hour()] += h.count());
            JsonArray data = new JsonArray();
            for (long n : perHour) {
                data.add(n);
            }
            series.add(new JsonObject().put("name", channelName(channel)).put("data", data));
        }
        JsonArray labels = new JsonArray();
        for (int h = 0; h < 24; h++) {
            labels.add(String.format("%02d", h));
        }
        return new JsonObject().put("hours", labels).put("series", series).encode();
    }

    /** 满意率 per day, in percent with one decimal, and the answers behind each. */
    private static String trendJson(List<KpiCharts.DaySatisfaction> days) {
        JsonArray labels = new JsonArray();
        JsonArray rates = new JsonArray();
        JsonArray answers = new JsonArray();
        for (KpiCharts.DaySatisfaction d : days) {
            labels.add(d.day().toString());
            rates.add(d.answers() == 0 ? 0.0 : Math.round(1000.0 * d.satisfied() / d.answers()) / 10.0);
            answers.add(d.answers());
        }
        return new JsonObject().put("days", labels).put("rates", rates).put("answers", answers).encode();
    }

    private String channelName(String channel) {
        return CHANNELS.getOrDefault(channel, channel);
    }

    String categoryName(String code) {
        if (code.isEmpty()) {
            return "未匹配";
        }
        return directory.categories().stream().filter(c -> c.code().equals(code)).map(Category::nameZh).findFirst()
                .orElse(code);
    }

    private record Figures(List<KpiCharts.HourCount> hours, List<KpiCharts.HeatCell> heat,
                           KpiCharts.FirstContact firstContact, List<KpiCharts.RepeatCaller> repeatCallers,
                           List<KpiCharts.DaySatisfaction> satisfaction, List<KpiCharts.TimePercentiles> times,
                           List<KpiCharts.ProviderFigures> providers) {
    }

    /** A repeat caller as the page and the export show them: the number masked. */
    public record RepeatRow(String number, long orders) {
    }

    /** The heat table: one row per category, one column per district, a shade level 0..4 per cell. */
    public record HeatTable(List<String> districts, List<HeatRow> rows) {
        static HeatTable of(List<KpiCharts.HeatCell> cells, java.util.function.Function<String, String> names) {
            TreeSet<String> districts = new TreeSet<>();
            TreeSet<String> categories = new TreeSet<>();
            long max = 1;
            for (KpiCharts.HeatCell c : cells) {
                districts.add(c.district().isEmpty() ? "未知" : c.district());
                categories.add(c.category());
                max = Math.max(max, c.count());
            }
            List<HeatRow> rows = new ArrayList<>();
            for (String category : categories) {
                List<HeatCellView> row = new ArrayList<>();
                long total = 0;
                for (String district : districts) {
                    long n = cells.stream().filter(c -> c.category().equals(category)
                            && (c.district().isEmpty() ? "未知" : c.district()).equals(district))
                            .mapToLong(KpiCharts.HeatCell::count).sum();
                    total += n;
                    row.add(new HeatCellView(n, n == 0 ? 0 : (int) Math.min(4, 1 + 4 * (n - 1) / max)));
                }
                rows.add(new HeatRow(category, names.apply(category), row, total));
            }
            return new HeatTable(List.copyOf(districts), rows);
        }
    }

    public record HeatRow(String code, String name, List<HeatCellView> cells, long total) {
    }

    public record HeatCellView(long count, int level) {
    }
}
