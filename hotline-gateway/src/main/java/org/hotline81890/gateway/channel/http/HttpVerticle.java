package org.hotline81890.gateway.channel.http;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.hotline81890.gateway.config.HotlineConfig;

/** Owns the HTTP socket: health, metrics, and the route groups mounted by others. */
public final class HttpVerticle extends VerticleBase {
    private final HotlineConfig.Http cfg;
    private final AdminToken token;
    private final Supplier<Map<String, Integer>> parked;
    private final List<HealthCheck> checks;
    private final PrometheusMeterRegistry registry;
    private final List<Consumer<Router>> mounts;
    private final Handler<RoutingContext> gate;
    private Blocking blocking;
    private HttpServer server;
    private Router router;

    /**
     * {@code gate} runs on every request before any route (see {@link AccessGate}); no body has been read then:
     * each route that takes one reads it itself ({@link FormBody}, {@link JsonBody}; see the package docs).
     */
    public HttpVerticle(HotlineConfig.Http cfg, AdminToken token, List<HealthCheck> checks,
                        Supplier<Map<String, Integer>> parked, PrometheusMeterRegistry registry,
                        List<Consumer<Router>> mounts, Handler<RoutingContext> gate) {
        this.parked = parked;
        this.cfg = cfg;
        this.token = token;
        this.checks = List.copyOf(checks);
        this.registry = registry;
        this.mounts = List.copyOf(mounts);
        this.gate = gate;
    }

    @Override
    public Future<?> start() {
        blocking = new Blocking(vertx);
        router = Router.router(vertx);
        // No body handler here: only the routes that take a body read one (FormBody, JsonBody, per route).
        router.route().handler(ctx -> Bodies.hold(ctx, cfg.maxBody()));
        router.route().handler(gate);
        router.get("/health").handler(ctx -> handleHealth(ctx, false));
        router.head("/health").handler(ctx -> handleHealth(ctx, false));
        router.get("/health/ready").handler(ctx -> handleHealth(ctx, true));
        router.get("/health/live").handler(ctx -> HttpErrors.send(ctx, 200, new JsonObject().put("status", "UP")));
        router.get("/metrics").handler(MetricsGate.of(cfg.metrics(), token)).handler(
                PrometheusScrapingHandler.create(registry));
        mounts.forEach(m -> m.accept(router));
        router.route().failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                HttpErrors.tooLarge(ctx, cfg.maxBody());
            } else if (ctx.failure() != null) {
                HttpErrors.fail(ctx, ctx.failure());
            } else {
                ctx.response().setStatusCode(ctx.statusCode()).end();
            }
        });
        HttpServerOptions options = new HttpServerOptions();
        if (cfg.tls().enabled()) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions().setCertPath(cfg.tls().certFile())
                    .setKeyPath(cfg.tls().keyFile()));
        }
        return vertx.createHttpServer(options).requestHandler(router).listen(cfg.port(), cfg.host())
                .onSuccess(s -> server = s);
    }

    /** {@code /health}: every check must be up; {@code /health/ready}: those that gate readiness. */
    private void handleHealth(RoutingContext ctx, boolean readiness) {
        blocking.run(() -> Map.entry(HealthCheck.run(checks), HealthCheck.reasons(checks))).onComplete(ar -> {
            Map<String, String> result = ar.succeeded() ? ar.result().getKey() : Map.of("health", "DOWN");
            boolean up = ar.succeeded() && (readiness ? HealthCheck.ready(checks, result)
                    : result.values().stream().allMatch("UP"::equals));
            JsonObject parts = new JsonObject();
            result.forEach(parts::put);
            JsonObject body = new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", parts);
            if (ar.succeeded() && !ar.result().getValue().isEmpty()) {
                JsonObject reasons = new JsonObject();
                ar.result().getValue().forEach(reasons::put);
                body.put("reasons", reasons);
            }
            if (!up) {
                HttpErrors.send(ctx, 503, body);
                return;
            }
            // Outbox rows no channel on this node delivers (a disabled channel): kept, not failed; listed here.
            blocking.run(parked::get).onComplete(p -> {
                if (p.succeeded() && !p.result().isEmpty()) {
                    JsonObject kinds = new JsonObject();
                    p.result().forEach(kinds::put);
                    body.put("parked", kinds);
                }
                HttpErrors.send(ctx, 200, body);
            });
        });
    }

    /** The routes as mounted (the authz matrix test walks them). */
    public List<Route> routes() {
        return router.getRoutes();
    }

    public int actualPort() {
        return server.actualPort();
    }

    /** Closes the socket, then lets the requests already accepted finish their blocking work (off the event loop). */
    @Override
    public Future<?> stop() {
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.compose(v -> blocking == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
            blocking.close();
            return null;
        }));
    }
}
