package org.hotline81890.gateway.channel.http;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.hotline81890.gateway.config.HotlineConfig;

/** Owns the HTTP socket: health, metrics, and the route groups mounted by others. */
public final class HttpVerticle extends VerticleBase {
    private final HotlineConfig.Http cfg;
    private final List<HealthCheck> checks;
    private final PrometheusMeterRegistry registry;
    private final List<Consumer<Router>> mounts;
    private final Handler<RoutingContext> gate;
    private Blocking blocking;
    private HttpServer server;
    private Router router;

    /** {@code gate} runs on every request after the body is read and before any route (see {@link AccessGate}). */
    public HttpVerticle(HotlineConfig.Http cfg, List<HealthCheck> checks, PrometheusMeterRegistry registry,
                        List<Consumer<Router>> mounts, Handler<RoutingContext> gate) {
        this.cfg = cfg;
        this.checks = List.copyOf(checks);
        this.registry = registry;
        this.mounts = List.copyOf(mounts);
        this.gate = gate;
    }

    @Override
    public Future<?> start() {
        blocking = new Blocking(vertx);
        router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(cfg.maxBody()).setHandleFileUploads(false));
        router.route().handler(gate);
        router.get("/health").handler(ctx -> handleHealth(ctx, false));
        router.get("/health/ready").handler(ctx -> handleHealth(ctx, true));
        router.get("/health/live").handler(ctx -> HttpErrors.send(ctx, 200, new JsonObject().put("status", "UP")));
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
        mounts.forEach(m -> m.accept(router));
        router.route().failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                HttpErrors.fail(ctx, new BadRequestException("body", "larger than " + cfg.maxBody() + " bytes"));
            } else if (ctx.failure() != null) {
                HttpErrors.fail(ctx, ctx.failure());
            } else {
                ctx.response().setStatusCode(ctx.statusCode()).end();
            }
        });
        // A form field may be as long as the body (a long completion note is refused by the page, by name).
        HttpServerOptions options = new HttpServerOptions().setMaxFormAttributeSize((int) Math.min(Integer.MAX_VALUE,
                cfg.maxBody()));
        return vertx.createHttpServer(options).requestHandler(router).listen(cfg.port(), cfg.host())
                .onSuccess(s -> server = s);
    }

    /** {@code /health}: every check must be up; {@code /health/ready}: those that gate readiness. */
    private void handleHealth(RoutingContext ctx, boolean readiness) {
        blocking.run(() -> HealthCheck.run(checks)).onComplete(ar -> {
            Map<String, Boolean> result = ar.succeeded() ? ar.result() : Map.of("health", false);
            boolean up = ar.succeeded() && (readiness ? HealthCheck.ready(checks, result)
                    : result.values().stream().allMatch(Boolean::booleanValue));
            JsonObject parts = new JsonObject();
            result.forEach((k, v) -> parts.put(k, v ? "UP" : "DOWN"));
            HttpErrors.send(ctx, up ? 200 : 503, new JsonObject().put("status", up ? "UP" : "DOWN")
                    .put("checks", parts));
        });
    }

    /** The routes as mounted (the authz matrix test walks them). */
    public List<Route> routes() {
        return router.getRoutes();
    }

    public int actualPort() {
        return server.actualPort();
    }

    @Override
    public Future<?> stop() {
        if (blocking != null) {
            blocking.close();
        }
        return Future.succeededFuture();
    }
}
