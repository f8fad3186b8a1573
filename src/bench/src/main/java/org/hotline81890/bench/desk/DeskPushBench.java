package org.hotline81890.bench.desk;

import java.io.PrintStream;
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

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.people.NewPerson;
import org.hotline81890.gateway.people.Person;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.people.Sessions;
import org.hotline81890.gateway.storage.mysql.MySqlPersonStore;
import org.hotline81890.gateway.storage.mysql.MySqlSessionStore;
import org.hotline81890.gateway.wiring.PartnerModule;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.partners.Capacity;
import org.hotline81890.partners.ContactChannels;
import org.hotline81890.partners.Coverage;
import org.hotline81890.partners.OpeningHours;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.ProviderStatus;
import org.hotline81890.partners.Rating;
import org.hotline81890.partners.ServiceCode;

/**
 * Issue 14's target: an offer appears on the provider's open desk within 1 s p99 of the dispatch commit, with
 * {@code pages} provider desks (SSE streams, one per provider, each logged in as that provider's staff) open on one
 * node. The whole gateway runs on a fresh database of the given MariaDB; {@code rate} work orders a second are taken
 * in for {@code seconds}, each dispatched by the real partner flow to one of the providers. The latency of one offer
 * is from the commit of the offer (the time the gateway stamps on the change after commit) to the moment the board
 * event naming that offer arrives on that provider's stream (same machine, same clock). Usage:
 * {@code DeskPushBench JDBC_URL USER PASSWORD [pages=1000] [rate=20] [seconds=30]}.
 */
public final class DeskPushBench {
    private static final Area AREA = new Area(Optional.of("海曙区"), Optional.of("南门街道"), Optional.of("柳西社区"),
            Optional.empty(), Optional.of("柳汀街1号"));

    private DeskPushBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: DeskPushBench JDBC_URL USER PASSWORD [pages=1000] [rate=20] [seconds=30]");
            System.exit(2);
        }
        int pages = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        int rate = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 30;
        String name = "deskbench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String server = serverUrl(args[0]);
        exec(server, args[1], args[2], "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        Path dataDir = Files.createTempDirectory("deskbench");
        try {
            run(withDatabase(args[0], name), args[1], args[2], dataDir, pages, rate, seconds, System.out);
        } finally {
            exec(server, args[1], args[2], "DROP DATABASE IF EXISTS " + name);
        }
        System.exit(0);
    }

    private static void run(String url, String user, String password, Path dataDir, int pages, int rate,
                            int seconds, PrintStream out) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("HOTLINE_HTTP_PORT", "0", "HOTLINE_HTTP_HOST", "127.0.0.1",
                "HOTLINE_DB_URL", url, "HOTLINE_DB_USER", user, "HOTLINE_DB_PASSWORD", password,
                "HOTLINE_HTTP_ADMIN_TOKEN", "bench-token-0123456789", "HOTLINE_AGI_ENABLED", "false",
                "HOTLINE_DATA_DIR", dataDir.toString(), "HOTLINE_PARTNERS_SAMPLE_PROVIDERS", "false"));
        env.putAll(Map.of("HOTLINE_DB_POOL_SIZE", "40", "HOTLINE_OUTBOX_POLL_INTERVAL", "20ms",
                "HOTLINE_PARTNERS_ACCEPT_TIMEOUT", "30m"));
        PartnerModule[] module = new PartnerModule[1];
        HotlineApp app = HotlineApp.start(HotlineConfig.load(null, env), out, List.of(core -> module[0] =
                new PartnerModule(core)));
        PartnerModule partners = module[0];
        List<Provider> list = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            String id = String.format("P-%04d", i);
            list.add(new Provider(ProviderId.of(id), ProviderKind.PARTNER_COMPANY, "模拟家政" + id,
                    Set.of(ServiceCode.of("HK-01")), Coverage.of("海曙区"), OpeningHours.of("24h"),
                    new Capacity(10_000), new ContactChannels(Optional.empty(), Optional.empty(),
                    Optional.of("desk" + i)), ProviderStatus.ACTIVE, new Rating(4.0)));
        }
        partners.saveProviders(list);
        List<String> cookies = sessions(app, pages);
        Vertx vertx = Vertx.vertx();
        DeskStreams streams = new DeskStreams(vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setDefaultHost("127.0.0.1").setDefaultPort(app.httpPort()),
                new PoolOptions().setHttp1MaxSize(pages + 10)));
        long connectStart = System.nanoTime();
        for (int i = 0; i < pages; i++) {
            streams.open(String.format("P-%04d", i), cookies.get(i));
        }
        streams.awaitOpen(pages, Duration.ofSeconds(120));
        out.printf("%d desks connected in %d ms%n", streams.openCount(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connectStart));

        int total = drive(app, rate, seconds);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (streams.arrivals().size() < total && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        report(out, pages, rate, seconds, total, streams);
        vertx.close().await();
        app.close();
    }

    /** One staff person per provider and an open session each (the cookie value); no password is hashed. */
    private static List<String> sessions(HotlineApp app, int pages) {
        MySqlPersonStore persons = new MySqlPersonStore(app.core().database().transactions());
        Sessions sessions = new Sessions(new MySqlSessionStore(app.core().database().transactions()),
                Duration.ofHours(8), Clock.systemUTC());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            Person p = persons.add(new NewPerson("desk" + i, Role.PARTNER, "员工" + i,
                    Optional.of(String.format("P-%04d", i)), Optional.empty()), "not-a-password-hash",
                    Instant.now()).orElseThrow();
            out.add(sessions.open(p).token());
        }
        return out;
    }

    private static int drive(HotlineApp app, int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long wait = t0 + i * interval - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String key = "desk-bench:" + i;
                threads.execute(() -> {
                    IntakeRequest request = new IntakeRequest(key, Channel.WEB, "138" + String.format("%08d",
                            Math.abs(key.hashCode()) % 100_000_000), "钟点工打扫卫生", Optional.empty(),
                            Optional.of("HK-01"), Optional.empty(), AREA, "bench", x -> List.of());
                    try {
                        if (app.core().intake().receive(request) instanceof IntakeResult.Accepted) {
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
        return total;
    }

    private static void report(PrintStream out, int pages, int rate, int seconds, int total, DeskStreams streams) {
        List<Long> ms = new ArrayList<>(streams.arrivals().values());
        ms.sort(Long::compare);
        out.printf("DeskPushBench: %d desks open, %d work orders at %d/s for %d s, %d offers seen on their desk "
                + "(%d board events in all, %d desks dropped)%n", pages, total, rate, seconds, ms.size(),
                streams.events(), pages - streams.openCount());
        if (ms.isEmpty()) {
            return;
        }
        out.printf("offer commit -> on the desk: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (target p99 <= 1000 ms)%n",
                pct(ms, 50), pct(ms, 95), pct(ms, 99), ms.getLast());
        out.printf("gateway+bench JVM cpu time: %d s%n", ProcessHandle.current().info().totalCpuDuration()
                .map(Duration::toSeconds).orElse(-1L));
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
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

    /** The open desks: one SSE stream each, parsed as it arrives. */
    static final class DeskStreams {
        private final HttpClient http;
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicInteger events = new AtomicInteger();
        private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

        DeskStreams(HttpClient http) {
            this.http = http;
        }

        void open(String provider, String cookie) {
            StringBuilder pending = new StringBuilder();
            http.request(new RequestOptions().setMethod(HttpMethod.GET).setURI("/partner/events")
                            .putHeader("Cookie", "hotline_session=" + cookie).putHeader("Accept", "text/event-stream"))
                    .compose(req -> req.send()).onSuccess(res -> {
                        if (res.statusCode() != 200) {
                            System.out.println(provider + ": " + res.statusCode());
                            return;
                        }
                        open.incrementAndGet();
                        res.handler(buf -> {
                            pending.append(buf.toString());
                            int end;
                            while ((end = pending.indexOf("\n\n")) >= 0) {
                                onEvent(pending.substring(0, end));
                                pending.delete(0, end + 2);
                            }
                        });
                        res.endHandler(v -> open.decrementAndGet());
                    }).onFailure(e -> System.out.println(provider + ": " + e));
        }

        /** {@code id: COMMITTED_MILLIS-OFFER}: counted when the board sent names that offer. */
        private void onEvent(String event) {
            long now = System.currentTimeMillis();
            String id = null;
            for (String line : event.split("\n")) {
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                }
            }
            if (id == null || id.startsWith("0-")) {
                return;
            }
            events.incrementAndGet();
            int dash = id.indexOf('-');
            String offer = id.substring(dash + 1);
            if (event.contains("data-offer=\"" + offer + "\"")) {
                arrivals.putIfAbsent(offer, now - Long.parseLong(id.substring(0, dash)));
            }
        }

        void awaitOpen(int n, Duration max) throws InterruptedException {
            long deadline = System.nanoTime() + max.toNanos();
            while (open.get() < n && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }

        int openCount() {
            return open.get();
        }

        int events() {
            return events.get();
        }

        Map<String, Long> arrivals() {
            return arrivals;
        }
    }
}
