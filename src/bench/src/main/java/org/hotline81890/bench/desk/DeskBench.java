package org.hotline81890.bench.desk;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline81890.gateway.people.NewPerson;
import org.hotline81890.gateway.people.Passwords;
import org.hotline81890.gateway.people.People;
import org.hotline81890.gateway.people.Role;
import org.hotline81890.gateway.storage.mysql.Database;
import org.hotline81890.gateway.storage.mysql.MySqlPersonStore;
import org.hotline81890.gateway.storage.mysql.MySqlSessionStore;
import org.hotline81890.simulators.RingAgent;
import org.hotline81890.simulators.ami.AmiServerConfig;
import org.hotline81890.simulators.ami.AmiServerSimulator;

/**
 * The agent desk under 200 open desks (issue 13): the gateway runs as its own process on a fresh database of the
 * given MariaDB, facing the Asterisk simulator in this JVM; {@code desks} agents log in and hold their
 * {@code /agent/events} stream open; then {@code rings} calls run the FastAGI intake and ring one agent each
 * (AgentCalled), and the time from the simulator writing AgentCalled to that agent's desk reading its pop is
 * measured. Also the {@code /agent} page with its files, and the gateway's heap and RSS per open desk.
 * Usage: {@code DeskBench JDBC_URL USER PASSWORD [desks=200] [rings=400] [concurrency=4]}; the jar and ports come
 * from {@code -Ddeskbench.jar} (hotline-gateway/target/hotline.jar), {@code -Ddeskbench.http-port} (18301),
 * {@code -Ddeskbench.agi-port} (18302).
 */
public final class DeskBench {
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/(?:static|webjars|vendor)/[^\"]+)\"");

    private DeskBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: DeskBench JDBC_URL USER PASSWORD [desks=200] [rings=400] [concurrency=4]");
            System.exit(2);
        }
        int desks = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int rings = args.length > 4 ? Integer.parseInt(args[4]) : 400;
        int concurrency = args.length > 5 ? Integer.parseInt(args[5]) : 4;
        String name = "deskbench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String server = args[0].replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1");
        exec(server, args[1], args[2], "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        try {
            run(args[0].replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + name), args[1], args[2], desks, rings,
                    concurrency);
        } finally {
            exec(server, args[1], args[2], "DROP DATABASE IF EXISTS " + name);
        }
        System.exit(0);
    }

    private static void run(String url, String user, String password, int desks, int rings, int concurrency)
            throws Exception {
        Path jar = Path.of(System.getProperty("deskbench.jar", "hotline-gateway/target/hotline.jar"));
        int httpPort = Integer.getInteger("deskbench.http-port", 18301);
        int agiPort = Integer.getInteger("deskbench.agi-port", 18302);
        Path data = Files.createTempDirectory("deskbench");
        System.out.printf("load average at start: %s%n", loadAverage());
        try (AmiServerSimulator ami = new AmiServerSimulator(AmiServerConfig.defaults()).start();
             GatewayProcess gw = GatewayProcess.start(jar, Map.ofEntries(Map.entry("HOTLINE_DB_URL", url),
                     Map.entry("HOTLINE_DB_USER", user), Map.entry("HOTLINE_DB_PASSWORD", password),
                     Map.entry("HOTLINE_DB_POOL_SIZE", "20"), Map.entry("HOTLINE_DB_CONNECT_TIMEOUT", "30s"),
                     Map.entry("HOTLINE_DATA_DIR", data.toString()),
                     Map.entry("HOTLINE_HTTP_HOST", "127.0.0.1"), Map.entry("HOTLINE_HTTP_PORT", "" + httpPort),
                     Map.entry("HOTLINE_AGI_ENABLED", "true"), Map.entry("HOTLINE_AGI_PORT", "" + agiPort),
                     Map.entry("HOTLINE_AGI_BIND", "127.0.0.1"), Map.entry("HOTLINE_AMI_ENABLED", "true"),
                     Map.entry("HOTLINE_AMI_PORT", Integer.toString(ami.port())),
                     Map.entry("HOTLINE_AMI_PASSWORD", "hotline-secret")), httpPort, data.resolve("gateway.log"))) {
            waitForAmi(ami);
            List<DeskClient> clients = logIn(url, user, password, gw, desks);
            long heap0 = gw.heapAfterGc();
            long rss0 = gw.rss();
            long threads0 = gw.threads();
            long t = System.nanoTime();
            clients.forEach(DeskClient::open);
            for (DeskClient c : clients) {
                if (!c.awaitConnected(Duration.ofSeconds(60))) {
                    throw new IllegalStateException("a desk's event stream did not open within 60 s");
                }
            }
            System.out.printf("%d desks connected in %d ms%n", desks, (System.nanoTime() - t) / 1_000_000);
            long heap1 = gw.heapAfterGc();
            long rss1 = gw.rss();
            System.out.printf("gateway heap after GC: %.1f MB without desks, %.1f MB with %d open desks: %.1f KB "
                    + "per desk; RSS %.1f -> %.1f MB (%.1f KB per desk); threads %d -> %d%n", heap0 / 1e6,
                    heap1 / 1e6, desks, (heap1 - heap0) / 1024.0 / desks, rss0 / 1e6, rss1 / 1e6,
                    (rss1 - rss0) / 1024.0 / desks, threads0, gw.threads());
            pageLoad(clients.getFirst());
            ringAll(ami, clients, rings, concurrency, agiPort);
        }
        System.out.printf("load average at end: %s%n", loadAverage());
    }

    private static void waitForAmi(AmiServerSimulator ami) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (ami.connectionCount() == 0 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
    }

    private static List<DeskClient> logIn(String url, String user, String password, GatewayProcess gw, int desks)
            throws Exception {
        Database db = Database.open(url, user, password, 4, 5000, Optional.empty());
        People people = new People(new MySqlPersonStore(db.transactions()), new MySqlSessionStore(db.transactions()),
                new Passwords(), Clock.systemUTC());
        long t = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<DeskClient> clients = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<DeskClient>> made = new ArrayList<>();
            for (int i = 0; i < desks; i++) {
                String login = String.format("bench%03d", i);
                String ext = Integer.toString(1001 + i);
                made.add(pool.submit(() -> {
                    people.add(new NewPerson(login, Role.AGENT, "坐席" + ext, Optional.empty(), Optional.of(ext)),
                            "bench-password-" + ext);
                    DeskClient c = new DeskClient(http, gw.base());
                    c.logIn(login, "bench-password-" + ext);
                    return c;
                }));
            }
            for (Future<DeskClient> f : made) {
                clients.add(f.get());
            }
        }
        db.close();
        System.out.printf("%d agents created and logged in in %d ms (Argon2id both ways)%n", desks,
                (System.nanoTime() - t) / 1_000_000);
        return clients;
    }

    /** {@code /agent} alone (warm) and with every file it loads (cold, one after another), 50 times each. */
    private static void pageLoad(DeskClient c) throws Exception {
        String html = new String(c.get("/agent").body(), java.nio.charset.StandardCharsets.UTF_8);
        List<String> assets = new ArrayList<>();
        Matcher m = ASSET.matcher(html);
        while (m.find()) {
            assets.add(m.group(1));
        }
        long[] page = new long[50];
        long[] full = new long[50];
        long bytes = 0;
        for (int i = 0; i < 50; i++) {
            long t0 = System.nanoTime();
            bytes = c.get("/agent").body().length;
            page[i] = System.nanoTime() - t0;
            for (String a : assets) {
                bytes += c.get(a).body().length;
            }
            full[i] = System.nanoTime() - t0;
        }
        System.out.printf("/agent page: p50 %.1f ms, p99 %.1f ms; with its %d files (%s; %.0f KB, fetched one after "
                + "another, no cache): p50 %.1f ms, p99 %.1f ms%n", pct(page, 50) / 1e6, pct(page, 99) / 1e6,
                assets.size(), String.join(", ", assets), bytes / 1024.0, pct(full, 50) / 1e6, pct(full, 99) / 1e6);
    }

    private static void ringAll(AmiServerSimulator ami, List<DeskClient> clients, int rings, int concurrency,
                                int agiPort) throws Exception {
        RingAgent ringer = new RingAgent(ami, "hotline");
        long[] latency = new long[rings];
        int[] missed = new int[1];
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency, Thread.ofVirtual().factory())) {
            List<Future<?>> all = new ArrayList<>();
            for (int lane = 0; lane < concurrency; lane++) {
                int first = lane;
                all.add(pool.submit(() -> {
                    for (int i = first; i < rings; i += concurrency) {
                        DeskClient desk = clients.get(i % clients.size());
                        String ext = Integer.toString(1001 + i % clients.size());
                        RingAgent.Rang r = ringer.ring("127.0.0.1", agiPort, ext, String.format("139%08d", i));
                        long popped = desk.nextPop(Duration.ofSeconds(10));
                        latency[i] = popped < 0 ? Long.MAX_VALUE : popped - r.calledAtNanos();
                        if (popped < 0) {
                            synchronized (missed) {
                                missed[0]++;
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        long[] ok = Arrays.stream(latency).filter(x -> x != Long.MAX_VALUE).toArray();
        System.out.printf("screen pop, AgentCalled written by the simulator -> pop read by the agent's desk, %d rings "
                + "(%d at a time) over %d open desks: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; "
                + "%d without a pop within 10 s (target p99 300 ms)%n", rings, concurrency, clients.size(),
                pct(ok, 50) / 1e6, pct(ok, 90) / 1e6, pct(ok, 99) / 1e6, pct(ok, 100) / 1e6, missed[0]);
    }

    private static long pct(long[] values, int p) {
        if (values.length == 0) {
            return 0;
        }
        long[] s = values.clone();
        Arrays.sort(s);
        int idx = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, idx))];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void exec(String url, String user, String password, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
