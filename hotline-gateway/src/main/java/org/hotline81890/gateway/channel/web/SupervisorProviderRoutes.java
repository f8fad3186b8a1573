package org.hotline81890.gateway.channel.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.dispatch.ProviderCache;
import org.hotline81890.gateway.supervision.ChartFilter;
import org.hotline81890.gateway.supervision.KpiCharts;
import org.hotline81890.gateway.supervision.ProviderRanking;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;

/**
 * {@code /supervisor/providers/:id}: one provider's scorecard over the charts' range (its rank among all, each rate
 * with the counts behind it and why it is flagged) and its newest offers, each linking to the order's page.
 */
public final class SupervisorProviderRoutes {
    private static final int RECENT = 20;
    private final KpiCharts charts;
    private final ProviderCache providers;
    private final Pages pages;
    private final Blocking blocking;
    private final Clock clock;

    public SupervisorProviderRoutes(KpiCharts charts, ProviderCache providers, Pages pages, Blocking blocking,
                                    Clock clock) {
        this.charts = charts;
        this.providers = providers;
        this.pages = pages;
        this.blocking = blocking;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/supervisor/providers/:id").handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        ChartFilter f;
        try {
            f = ChartFilter.of(ctx.request().getParam("from"), ctx.request().getParam("to"),
                    ctx.request().getParam("category"), ctx.request().getParam("district"),
                    LocalDate.ofInstant(clock.instant(), ChartFilter.BEIJING));
        } catch (IllegalArgumentException e) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end(e.getMessage());
            return;
        }
        ChartFilter chosen = f;
        blocking.run(() -> new Found(ProviderRanking.rank(charts.providerFigures(chosen)).stream()
                .filter(r -> r.figures().provider().equals(id)).findFirst(), charts.recentOffers(id, RECENT),
                providerOf(id))).onComplete(ar -> {
                    if (ar.failed()) {
                        ctx.fail(ar.cause());
                        return;
                    }
                    Found found = ar.result();
                    if (found.row().isEmpty() && found.offers().isEmpty() && found.provider().isEmpty()) {
                        pages.send(ctx, 404, "problem", Map.of("message", "没有服务单位 " + id));
                        return;
                    }
                    pages.send(ctx, 200, "supervisor-provider", view(id, chosen, found));
                });
    }

    private Optional<Provider> providerOf(String id) {
        try {
            return providers.find(new ProviderId(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Map<String, Object> view(String id, ChartFilter f, Found found) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", id);
        v.put("name", found.provider().map(Provider::name).or(() -> found.row().map(r -> r.figures().name()))
                .orElse(id));
        v.put("kind", found.provider().map(p -> p.kind().name()).or(() -> found.row().map(r -> r.figures().kind()))
                .map(ScorecardViews::kind).orElse("–"));
        v.put("hours", found.provider().map(p -> p.hours().toString()).orElse("–"));
        v.put("from", f.from().toString());
        v.put("to", f.to().toString());
        v.put("back", "/supervisor/charts?" + SupervisorChartRoutes.query(f));
        v.put("row", found.row().map(r -> ScorecardViews.scorecards(List.of(r)).getFirst()).orElse(null));
        v.put("figures", found.row().map(ProviderRanking.Row::figures).orElse(null));
        v.put("answers", found.row().map(r -> r.figures().satisfied() + r.figures().unsatisfied()).orElse(0L));
        v.put("offers", found.offers());
        v.put("fmt", new SupervisorFormat(clock.instant()));
        return v;
    }

    /** What the page shows of one provider. */
    private record Found(Optional<ProviderRanking.Row> row, List<KpiCharts.ProviderOffer> offers,
                         Optional<Provider> provider) {
    }
}
