package org.hotline81890.gateway.channel.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.partners.ProviderId;

/**
 * Supervisor JSON under {@code /api/admin} (the admin token check that AdminRoutes mounts on {@code /api/admin/*}
 * runs first): {@code GET /api/admin/kpis?days=30} and {@code GET /api/admin/providers/{id}/scorecard?days=30}.
 * Instead of {@code days} (the last days up to the hotline's clock), {@code from=2026-12-05T16:00:00Z} gives the
 * window's start as an instant: a reader whose window must not move while it reads (the simulated day, whose clock
 * runs at 3000x while the report reads 60,000 orders) names it.
 */
public final class SupervisorRoutes {
    private final KpiReport report;
    private final Blocking blocking;
    private final Clock clock;

    public SupervisorRoutes(KpiReport report, Blocking blocking, Clock clock) {
        this.report = report;
        this.blocking = blocking;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/api/admin/kpis").handler(this::handleKpis);
        router.get("/api/admin/providers/:id/scorecard").handler(this::handleScorecard);
    }

    private void handleKpis(RoutingContext ctx) {
        Instant since;
        try {
            since = since(ctx);
        } catch (BadRequestException e) {
            HttpErrors.fail(ctx, e);
            return;
        }
        blocking.run(() -> report.kpis(since)).onComplete(ar -> {
            if (ar.failed()) {
                HttpErrors.fail(ctx, ar.cause());
            } else {
                HttpErrors.send(ctx, 200, ar.result());
            }
        });
    }

    private void handleScorecard(RoutingContext ctx) {
        Instant since;
        ProviderId id;
        try {
            since = since(ctx);
            id = ProviderId.of(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            HttpErrors.fail(ctx, new BadRequestException("id", e.getMessage()));
            return;
        } catch (BadRequestException e) {
            HttpErrors.fail(ctx, e);
            return;
        }
        blocking.run(() -> report.scorecard(id, since)).onComplete(ar -> {
            if (ar.failed()) {
                HttpErrors.fail(ctx, ar.cause());
            } else {
                HttpErrors.send(ctx, 200, ar.result());
            }
        });
    }

    private Instant since(RoutingContext ctx) {
        String from = ctx.request().getParam("from");
        if (from != null) {
            if (ctx.request().getParam("days") != null) {
                throw new BadRequestException("from", "give either from or days, not both");
            }
            try {
                return Instant.parse(from);
            } catch (DateTimeParseException e) {
                throw new BadRequestException("from", "from must be an instant such as 2026-12-05T16:00:00Z");
            }
        }
        String raw = ctx.request().getParam("days");
        int days;
        try {
            days = raw == null ? 30 : Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new BadRequestException("days", "days must be a whole number from 1 to 366");
        }
        if (days < 1 || days > 366) {
            throw new BadRequestException("days", "days must be a whole number from 1 to 366");
        }
        return clock.instant().minus(Duration.ofDays(days));
    }
}
