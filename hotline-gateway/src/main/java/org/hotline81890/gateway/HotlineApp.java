package org.hotline81890.gateway;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.hotline81890.gateway.channel.http.AdminRoutes;
import org.hotline81890.gateway.channel.http.AdminToken;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.channel.http.HealthCheck;
import org.hotline81890.gateway.channel.http.HttpVerticle;
import org.hotline81890.gateway.channel.web.LiveViewBridge;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.delivery.OutboxDelivery;
import org.hotline81890.gateway.delivery.OutboxRelay;
import org.hotline81890.gateway.schedule.DeadlineScheduler;
import org.hotline81890.gateway.storage.mysql.Database;
import org.hotline81890.gateway.storage.mysql.MySqlDeadlineStore;
import org.hotline81890.gateway.storage.mysql.MySqlOutbox;
import org.hotline81890.gateway.storage.mysql.MySqlWorkOrderStore;
import org.hotline81890.gateway.workorder.DeadlineKind;
import org.hotline81890.gateway.workorder.HintsClassifier;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.RequestClassifier;
import org.hotline81890.gateway.workorder.ServiceLevels;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one wiring place: builds every part from the configuration and starts them in order. */
public final class HotlineApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HotlineApp.class);
    private final Database database;
    private final Vertx vertx;
    private final OutboxRelay relay;
    private final DeadlineScheduler scheduler;
    private final HttpVerticle http;
    private final Intake intake;
    private final Tracker tracker;
    private final MySqlWorkOrderStore store;

    private HotlineApp(Database database, Vertx vertx, OutboxRelay relay, DeadlineScheduler scheduler,
                       HttpVerticle http, Intake intake, Tracker tracker, MySqlWorkOrderStore store) {
        this.database = database;
        this.vertx = vertx;
        this.relay = relay;
        this.scheduler = scheduler;
        this.http = http;
        this.intake = intake;
        this.tracker = tracker;
        this.store = store;
    }

    public static HotlineApp start(HotlineConfig cfg, PrintStream console) {
        Clock clock = Clock.systemUTC();
        Database db = Database.open(cfg.db(), cfg.data());
        try {
            db.migrate();
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Vertx vertx = Vertx.builder()
                    .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                    .withMetrics(new MicrometerMetricsFactory(registry))
                    .build();
            MySqlWorkOrderStore store = new MySqlWorkOrderStore(db.transactions(), clock, new SecureRandom());
            MySqlOutbox outbox = new MySqlOutbox(db.transactions(), clock);
            ServiceLevels levels = new ServiceLevels(cfg.sla().respondWithin(), cfg.sla().completeWithin(),
                    cfg.sla().surveyWait());
            LiveViewBridge live = new LiveViewBridge(vertx);
            RequestClassifier classifier = new HintsClassifier();
            Intake intake = new Intake(store, classifier, levels, live, clock);
            Tracker tracker = new Tracker(store, levels, live, clock);
            Map<String, OutboxDelivery> deliveries = Map.of();
            OutboxRelay relay = new OutboxRelay(outbox, deliveries, cfg.outbox(), clock).start();
            DeadlineScheduler scheduler = new DeadlineScheduler(new MySqlDeadlineStore(db.transactions()),
                    Map.of(MySqlDeadlineStore.WORK_ORDER, d -> tracker.onDeadline(new WorkOrderId(d.subjectId()),
                            DeadlineKind.valueOf(d.kind()))),
                    cfg.scheduler().pollInterval(), cfg.scheduler().lease(), clock).start();
            AdminToken token = AdminToken.resolve(cfg.http().adminToken(), cfg.data().dir(), console);
            Blocking blocking = new Blocking(vertx);
            List<Consumer<Router>> mounts = new ArrayList<>();
            mounts.add(new AdminRoutes(intake, store, blocking, token)::mount);
            HttpVerticle http = new HttpVerticle(cfg.http(), List.of(new HealthCheck("database", db::isReachable)),
                    registry, mounts);
            vertx.deployVerticle(http, new DeploymentOptions()).await();
            LOG.info("hotline serving HTTP on {}:{}", cfg.http().host(), http.actualPort());
            return new HotlineApp(db, vertx, relay, scheduler, http, intake, tracker, store);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public int httpPort() {
        return http.actualPort();
    }

    public Intake intake() {
        return intake;
    }

    public Tracker tracker() {
        return tracker;
    }

    public MySqlWorkOrderStore store() {
        return store;
    }

    @Override
    public void close() {
        scheduler.close();
        relay.close();
        vertx.close().await();
        database.close();
    }
}
