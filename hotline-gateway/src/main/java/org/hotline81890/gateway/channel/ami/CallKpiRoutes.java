package org.hotline81890.gateway.channel.ami;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.BadRequestException;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.channel.http.HttpErrors;
import org.hotline81890.gateway.voice.CallRecords;

/**
 * {@code GET /api/admin/call-kpis?from=&to=&answeredWithin=}: the queue KPIs from the call records (offered,
 * answered, answered within N s, abandoned, average wait, and the rates). Behind the admin token: AdminRoutes
 * checks every {@code /api/admin/*} request and is mounted before the modules' routes.
 */
public final class CallKpiRoutes {
    private final CallRecords records;
    private final Blocking blocking;
    private final Clock clock;
    private final Duration defaultWithin;

    public CallKpiRoutes(CallRecords records, Blocking blocking, Clock clock, Duration defaultWithin) {
        this.records = records;
        this.blocking = blocking;
        this.clock = clock;
        this.defaultWithin = defaultWithin;
    }

    public void mount(Router router) {
        router.get("/api/admin/call-kpis").handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        CallKpiQuery q;
        try {
            q = CallKpiQuery.parse(param(ctx, "from"), param(ctx, "to"), param(ctx, "answeredWithin"),
                    clock.instant(), defaultWithin);
        } catch (BadRequestException e) {
            HttpErrors.fail(ctx, e);
            return;
        }
        blocking.run(() -> records.kpis(q.from(), q.to(), q.answeredWithin())).onComplete(ar -> {
            if (ar.failed()) {
                HttpErrors.fail(ctx, ar.cause());
                return;
            }
            HttpErrors.send(ctx, 200, json(q, ar.result()));
        });
    }

    static JsonObject json(CallKpiQuery q, CallRecords.CallKpis k) {
        return new JsonObject().put("from", q.from().toString()).put("to", q.to().toString())
                .put("answeredWithinSeconds", q.answeredWithin().toSeconds())
                .put("offered", k.offered()).put("answered", k.answered())
                .put("answeredInTime", k.answeredInTime()).put("abandoned", k.abandoned())
                .put("averageWaitSeconds", k.averageWaitSeconds())
                .put("answerRate", rate(k.answered(), k.offered()))
                .put("serviceLevel", rate(k.answeredInTime(), k.offered()))
                .put("abandonRate", rate(k.abandoned(), k.offered()));
    }

    /** A share of the offered calls, 0 when none were offered (not NaN, which JSON cannot carry). */
    static double rate(long part, long offered) {
        return offered == 0 ? 0.0 : (double) part / offered;
    }

    private static Optional<String> param(RoutingContext ctx, String name) {
        return Optional.ofNullable(ctx.request().getParam(name)).filter(v -> !v.isBlank());
    }
}
