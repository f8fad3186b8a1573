package org.hotline81890.bench.loop;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.dispatch.ApiKeys;
import org.hotline81890.gateway.schedule.ScaledClock;
import org.hotline81890.gateway.wiring.PartnerModule;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.partners.Capacity;
import org.hotline81890.partners.ContactChannels;
import org.hotline81890.partners.Coverage;
import org.hotline81890.partners.OpeningHours;
import org.hotline81890.partners.PhoneNumber;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.ProviderStatus;
import org.hotline81890.partners.Rating;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.WebhookEndpoint;

/**
 * The closed loop under load: the whole gateway on a fresh database of the given MariaDB, simulated providers
 * behind signed webhooks that accept each offer through the partner API, and {@code rate} new work orders per
 * second for {@code seconds}. Prints how many were offered within 5 s of commit and commit-to-webhook percentiles.
 * Usage: {@code LoopBench JDBC_URL USER PASSWORD [rate=200] [seconds=30] [providers=200]}; with
 * {@code -Dloopbench.warmup=N} the gateway first runs N seconds at half the rate (JIT warm-up, not counted); with
 * {@code -Dloopbench.speed=60} the gateway runs on a simulated clock sixty times as fast as the wall clock, as in
 * the demo's simulated day ({@code hotline demo --day --speed 60x}); with {@code -Dloopbench.together=N} dispatch
 * decides up to N rows in one unit of work ({@code partners.dispatch-together}, ADR 0045; 1 = each alone).
 */
public final class LoopBench {
    private static final Area AREA = new Area(Optional.of("海曙区"), Optional.of("南门街道"), Optional.of("柳西社区"),
            Optional.empty(), Optional.of("柳汀街1号"));

    private LoopBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LoopBench JDBC_URL USER PASSWORD [rate=200] [seconds=30] [providers=200]");
            System.exit(2);
        }
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        int providerCount = args.length > 5 ? Integer.parseInt(args[5]) : 200;
        String name = "loopbench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String server = serverUrl(args[0]);
        exec(server, args[1], args[2], "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        Path dataDir = Files.createTempDirectory("loopbench");
        try {
            run(withDatabase(args[0], name), args[1], args[2], dataDir, rate, seconds, providerCount, System.out);
        } finally {
            exec(server, args[1], args[2], "DROP DATABASE IF EXISTS " + name);
        }
        System.exit(0);
    }

    private static void run(String url, String user, String password, Path dataDir, int rate, int seconds,
                            int providerCount, PrintStream out) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("HOTLINE_HTTP_PORT", "0", "HOTLINE_HTTP_HOST", "127.0.0.1",
                "HOTLINE_DB_URL", url, "HOTLINE_DB_USER", user, "HOTLINE_DB_PASSWORD", password,
                "HOTLINE_HTTP_ADMIN_TOKEN", "bench-token-0123456789", "HOTLINE_AGI_ENABLED", "false",
                "HOTLINE_DATA_DIR", dataDir.toString(), "HOTLINE_PARTNERS_SAMPLE_PROVIDERS", "false"));
        env.putAll(Map.of("HOTLINE_DB_POOL_SIZE", "40", "HOTLINE_OUTBOX_POLL_INTERVAL", "20ms",
                "HOTLINE_OUTBOX_BATCH_SIZE", "200", "HOTLINE_PARTNERS_ENABLED",
                System.getProperty("loopbench.partners", "true")));
        // -Dloopbench.together=1 decides each dispatch row alone, as before ADR 0045 (the configured default otherwise)
        Optional.ofNullable(System.getProperty("loopbench.together"))
                .ifPresent(n -> env.put("HOTLINE_PARTNERS_DISPATCH_TOGETHER", n));
        PartnerModule[] partners = new PartnerModule[1];
        HotlineApp[] app = new HotlineApp[1];
        Map<String, String> keys = new HashMap<>();
        try (SimulatedProviders sim = new SimulatedProviders(keys, () -> app[0].httpPort())) {
            double speed = Double.parseDouble(System.getProperty("loopbench.speed", "1"));
            Clock clock = speed == 1 ? Clock.systemUTC() : new ScaledClock(Instant.now(), speed);
            app[0] = HotlineApp.start(HotlineConfig.load(null, env), out, List.of(core -> partners[0] =
                    new PartnerModule(core)), clock);
            List<Provider> list = new ArrayList<>();
            for (int i = 0; i < providerCount; i++) {
                String id = String.format("P-%04d", i);
                keys.put(id, ApiKeys.random());
                partners[0].registerKey(ProviderId.of(id), keys.get(id));
                list.add(new Provider(ProviderId.of(id), ProviderKind.PARTNER_COMPANY, "模拟家政" + id,
                        Set.of(ServiceCode.of("HK-01")), Coverage.of("海曙区"), OpeningHours.of("24h"),
                        new Capacity(10_000), new ContactChannels(Optional.of(new WebhookEndpoint(
                        URI.create(sim.urlOf(id)), "bench-secret-" + id + "-0123456789")), Optional.of(
                        PhoneNumber.of("1990574" + String.format("%04d", i))), Optional.empty()),
                        ProviderStatus.ACTIVE, new Rating(4.0)));
            }
            partners[0].saveProviders(list);
            int warmup = Integer.getInteger("loopbench.warmup", 0);
            if (warmup > 0) {
                Map<Long, Long> warmNanos = new ConcurrentHashMap<>();
                drive(app[0], "warmup:", Math.max(1, rate / 2), warmup, warmNanos, new ConcurrentHashMap<>());
                waitForWebhooks(sim, warmNanos.size(), Duration.ofSeconds(30));
                out.printf("warm-up: %d work orders at %d/s for %d s (not counted below)%n", warmNanos.size(),
                        Math.max(1, rate / 2), warmup);
            }
            int webhooksBefore = sim.firstArrivalNanos().size();
            Map<Long, Long> committedNanos = new ConcurrentHashMap<>();
            Map<Long, Instant> committedAt = new ConcurrentHashMap<>();
            Instant started = Instant.now();
            Instant startedOnClock = clock.instant();
            int acceptedBefore = sim.accepted();
            Map<String, Long> before = ServerCounters.read(url, user, password);
            int total = drive(app[0], "bench:", rate, seconds, committedNanos, committedAt);
            waitForWebhooks(sim, webhooksBefore + committedNanos.size(), Duration.ofSeconds(30));
            Map<String, Long> after = ServerCounters.read(url, user, password);
            LoopReport.print(out, rate, seconds, total, committedNanos, committedAt, sim, partners[0].offers()
                    .offeredSince(startedOnClock.minusSeconds(1)), started);
            ServerCounters.print(out, before, after, committedNanos.size());
            int offered = partners[0].offers().offeredSince(startedOnClock.minusSeconds(1)).size();
            double took = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            out.printf("locked decisions (gateway clock at %.0fx): %d dispatches + %d accepts in %.1f s = %.1f/s%n",
                    speed, offered, sim.accepted() - acceptedBefore, took,
                    (offered + sim.accepted() - acceptedBefore) / took);
            out.printf("gateway+bench JVM cpu time: %d s%n", ProcessHandle.current().info().totalCpuDuration()
                    .map(Duration::toSeconds).orElse(-1L));
            app[0].close();
        }
    }

    /** Submits {@code rate} intakes per second, each on its own virtual thread; returns how many were sent. */
    private static int drive(HotlineApp app, String prefix, int rate, int seconds, Map<Long, Long> committedNanos,
                             Map<Long, Instant> committedAt)
            throws InterruptedException {
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = t0 + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String key = prefix + i;
                threads.execute(() -> {
                    IntakeRequest request = new IntakeRequest(key, Channel.WEB, "138" + String.format("%08d",
                            Math.abs(key.hashCode()) % 100_000_000), "钟点工打扫卫生", Optional.empty(),
                            Optional.of("HK-01"), Optional.empty(), AREA, "bench", x -> List.of());
                    try {
                        IntakeResult r = app.core().intake().receive(request);
                        if (r instanceof IntakeResult.Accepted a) {
                            committedNanos.put(a.workOrder().id().value(), System.nanoTime());
                            committedAt.put(a.workOrder().id().value(), app.core().clock().instant());
                            app.wakeRelay();
                        }
                    } catch (RuntimeException e) {
                        if (failed.incrementAndGet() <= 3) {
                            System.out.println("intake failed: " + e);
                        }
                    }
                });
            }
        }
        if (failed.get() > 0) {
            System.out.println("intake failures: " + failed.get());
        }
        return total;
    }

    private static void waitForWebhooks(SimulatedProviders sim, int expected, Duration max)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (sim.firstArrivalNanos().size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static String serverUrl(String url) {
        int slash = url.indexOf('/', "jdbc:mysql://".length());
        int query = url.indexOf('?');
        return url.substring(0, slash) + "/" + (query >= 0 ? url.substring(query) : "");
    }

    private static String withDatabase(String url, String db) {
        int slash = url.indexOf('/', "jdbc:mysql://".length());
        int query = url.indexOf('?');
        return url.substring(0, slash) + "/" + db + (query >= 0 ? url.substring(query) : "");
    }

    private static void exec(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
