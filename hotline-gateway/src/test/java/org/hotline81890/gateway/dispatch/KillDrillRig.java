package org.hotline81890.gateway.dispatch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.testing.GatewayProcess;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.testing.TestEnv;
import org.hotline81890.gateway.storage.mysql.MySqlProviderKeys;
import org.hotline81890.gateway.storage.mysql.MySqlProviderStore;
import org.hotline81890.partners.PhoneNumber;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;

/**
 * What the kill -9 drills share: a fresh database on the real MariaDB, house-keeping providers (HK-01, open 24h)
 * with webhook endpoints and API keys written by the gateway's own storage adapters, and the gateway itself as a
 * separate JVM ({@link GatewayProcess}) that the drill kills with SIGKILL and starts again on the same database. Calls
 * go to whichever gateway is up; while none is, they come back empty, as a connection refused does to a client.
 */
final class KillDrillRig implements AutoCloseable {
    static final String TOKEN = "it-token-kill-drill-0123";
    private final String name;
    private final TestDatabase db;
    private final FakePartners hooks;
    private final Path dir;
    private final Map<String, String> env;
    private final Map<String, String> keys = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile GatewayProcess gateway;
    private int starts;

    private KillDrillRig(String name, TestDatabase db, FakePartners hooks, Path dir, Map<String, String> env) {
        this.name = name;
        this.db = db;
        this.hooks = hooks;
        this.dir = dir;
        this.env = env;
    }

    /** The drills' knobs: {@code -Dhotline.drill.seed}, {@code .orders}, {@code .kills} (the long run's). */
    static long seed() {
        return Long.getLong("hotline.drill.seed", 16L);
    }

    static int orders(int suiteDefault) {
        return Integer.getInteger("hotline.drill.orders", suiteDefault);
    }

    static int kills() {
        return Integer.getInteger("hotline.drill.kills", 1);
    }

    static KillDrillRig create(String name, Path dir, List<String> providers, Map<String, String> extraEnv)
            throws Exception {
        TestDatabase db = TestDatabase.create();
        Map<String, String> secrets = new HashMap<>();
        providers.forEach(id -> secrets.put(id, "secret-" + id + "-0123456789"));
        FakePartners hooks = new FakePartners(secrets, (key, attempt) -> false);
        Map<String, String> env = TestEnv.base(db, dir.resolve("data"), TOKEN);
        env.putAll(Map.of("HOTLINE_PARTNERS_SAMPLE_PROVIDERS", "false", "HOTLINE_PARTNERS_PROVIDER_CACHE", "0ms",
                "HOTLINE_PARTNERS_LOAD_CACHE", "0ms", "HOTLINE_PARTNERS_REMINDER_AT", "0",
                "HOTLINE_PARTNERS_SURVEY_BY_CALL", "false", "HOTLINE_OUTBOX_POLL_INTERVAL", "50ms",
                "HOTLINE_OUTBOX_LEASE", "10s", "HOTLINE_OUTBOX_BACKOFF_INITIAL", "100ms",
                "HOTLINE_OUTBOX_BACKOFF_MAX", "1s", "HOTLINE_SCHEDULER_POLL_INTERVAL", "100ms"));
        // a deadline or outbox row claimed by the killed process is taken again once its lease ends (shipped: 60 s
        // and 30 s); long enough that a delivery slowed by a loaded machine keeps its row
        env.put("HOTLINE_SCHEDULER_LEASE", "5s");
        env.putAll(extraEnv);
        KillDrillRig rig = new KillDrillRig(name, db, hooks, dir, env);
        rig.register(providers, secrets);
        return rig;
    }

    /** Writes the providers and their API keys with the gateway's own storage adapters, as onboarding does. */
    private void register(List<String> providers, Map<String, String> secrets) {
        List<Provider> list = new ArrayList<>();
        for (int i = 0; i < providers.size(); i++) {
            String id = providers.get(i);
            list.add(TestProviders.housekeeping(id, 1000, TestProviders.webhook(hooks.urlOf(id), secrets.get(id)),
                    Optional.of(PhoneNumber.of("1990574" + String.format("%04d", 3100 + i)))));
        }
        new MySqlProviderStore(db.database().transactions()).saveAll(list);
        MySqlProviderKeys store = new MySqlProviderKeys(db.database().transactions());
        for (String id : providers) {
            keys.put(id, ApiKeys.random());
            store.add(ProviderId.of(id), ApiKeys.hash(keys.get(id)), Instant.now());
        }
    }

    /** Starts a gateway; its log stays under target/drill-logs/<drill>/ for a failure to be read after the run. */
    void start() throws IOException {
        Path logs = Path.of("target", "drill-logs", name);
        Files.createDirectories(logs);
        gateway = GatewayProcess.start(env, logs, "gateway-" + ++starts);
    }

    /** kill -9 of the running gateway; HTTP calls fail until {@link #start()}. */
    void kill() throws InterruptedException {
        GatewayProcess g = gateway;
        gateway = null;
        g.kill();
    }

    /** An admin POST; empty when no gateway answered (down, killed mid-request). */
    Optional<HttpResponse<String>> admin(String path, String body, String idempotencyKey) {
        return send(path, TOKEN, body, Optional.of(idempotencyKey));
    }

    /** A partner API action as provider {@code provider}; empty when no gateway answered. */
    Optional<HttpResponse<String>> partner(String provider, String offerId, String action, String body) {
        return send("/api/partner/offers/" + offerId + "/" + action, keys.get(provider), body, Optional.empty());
    }

    private Optional<HttpResponse<String>> send(String path, String credential, String body, Optional<String> key) {
        GatewayProcess g = gateway;
        if (g == null) {
            return Optional.empty();
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(g.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + credential).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        key.ifPresent(k -> b.header("Idempotency-Key", k));
        try {
            return Optional.of(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Rows of a query on the drill's database, column label to value. */
    List<Map<String, Object>> rows(String sql) {
        try (Connection c = DriverManager.getConnection(db.url(), TestDatabase.user(), TestDatabase.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    long count(String sql) {
        return ((Number) rows(sql).getFirst().values().iterator().next()).longValue();
    }

    FakePartners hooks() {
        return hooks;
    }

    String logTail() {
        GatewayProcess g = gateway;
        return g == null ? "(no gateway up)" : g.logTail();
    }

    @Override
    public void close() throws Exception {
        try {
            GatewayProcess g = gateway;
            if (g != null) {
                g.close();
            }
        } finally {
            hooks.close();
            db.close();
        }
    }
}
