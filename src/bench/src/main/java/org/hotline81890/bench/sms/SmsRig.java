package org.hotline81890.bench.sms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

/**
 * What the SMS load and crash commands share: a fresh database on a MariaDB server, the node SMSC, and the gateway
 * as a child JVM ({@code HotlineMain run} with HOTLINE_* variables) that can be killed with SIGKILL.
 */
final class SmsRig implements AutoCloseable {
    final Map<String, String> args;
    final String serverUrl;
    final String dbName = "smsbench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final NodeSmsc smsc;
    private Process gateway;
    private final Path log;

    SmsRig(Map<String, String> args, String... smscArgs) throws IOException, SQLException {
        this.args = args;
        this.serverUrl = args.getOrDefault("db-url", "jdbc:mysql://127.0.0.1:3306/?sslMode=DISABLED");
        try (Connection c = connect(serverUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + dbName + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        Path root = Path.of(args.getOrDefault("repo", ".")).toAbsolutePath();
        smsc = new NodeSmsc(root, smscArgs);
        log = Files.createTempFile("sms-gateway", ".log");
    }

    static Map<String, String> parse(String[] argv) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            out.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        return out;
    }

    int intArg(String name, int dflt) {
        return Integer.parseInt(args.getOrDefault(name, String.valueOf(dflt)));
    }

    String dbUrl() {
        int q = serverUrl.indexOf('?');
        String base = q >= 0 ? serverUrl.substring(0, q) : serverUrl;
        return base.replaceAll("/[^/]*$", "/") + dbName + (q >= 0 ? serverUrl.substring(q) : "");
    }

    Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, args.getOrDefault("db-user", "hotline"),
                args.getOrDefault("db-password", ""));
    }

    /** Starts the gateway JVM and waits until it bound to the SMSC. */
    void startGateway() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx1g"));
        // e.g. --gateway-jvm '-Dhotline.sms.stages=2000 -XX:StartFlightRecording=filename=gw.jfr' (space-separated)
        String extra = args.getOrDefault("gateway-jvm", "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.hotline81890.gateway.HotlineMain",
                "run"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("HOTLINE_DB_URL", dbUrl());
        env.put("HOTLINE_DB_USER", args.getOrDefault("db-user", "hotline"));
        env.put("HOTLINE_DB_PASSWORD", args.getOrDefault("db-password", ""));
        env.put("HOTLINE_DB_POOL_SIZE", "20");
        env.put("HOTLINE_HTTP_PORT", "0");
        env.put("HOTLINE_HTTP_HOST", "127.0.0.1");
        env.put("HOTLINE_HTTP_ADMIN_TOKEN", "bench-token-0123456789");
        env.put("HOTLINE_AGI_ENABLED", "false");
        env.put("HOTLINE_DATA_DIR", Files.createTempDirectory("sms-bench").toString());
        env.put("HOTLINE_SMPP_ENABLED", "true");
        env.put("HOTLINE_SMPP_PORT", String.valueOf(smsc.port()));
        env.put("HOTLINE_SMPP_PASSWORD", "secret");
        env.put("HOTLINE_SMPP_WINDOW", args.getOrDefault("window", "200"));
        env.put("HOTLINE_SMPP_BINDS", args.getOrDefault("binds", "1"));
        env.put("HOTLINE_SMPP_SUBMIT_RATE", args.getOrDefault("submit-rate", "2000"));
        env.put("HOTLINE_SMPP_INBOUND_LIMIT", "0");
        env.put("HOTLINE_SMPP_GROUP_COMMIT_WAIT", args.getOrDefault("group-commit-wait", "2ms"));
        // --journal no: the intake before the ack, as before issue 18 (for before/after runs in one sitting)
        env.put("HOTLINE_SMPP_JOURNAL", "no".equals(args.get("journal")) ? "false" : "true");
        gateway = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // Starting takes the matcher's model load: over a minute at a load average of 20-50 on the shared 2 cores.
        smsc.await(e -> "bind".equals(e.getString("event")) && Boolean.TRUE.equals(e.getBoolean("ok")),
                Duration.ofSeconds(Long.parseLong(args.getOrDefault("start-wait", "240"))));
    }

    long gatewayPid() {
        return gateway == null ? -1 : gateway.pid();
    }

    /** SIGKILL: no shutdown hook, no unbind, nothing flushed. */
    void killGateway() throws InterruptedException {
        gateway.destroyForcibly();
        gateway.waitFor();
    }

    void stopGateway() throws InterruptedException {
        if (gateway != null && gateway.isAlive()) {
            gateway.destroy();
            if (!gateway.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                killGateway();
            }
        }
    }

    JsonObject flood(int n, int window, String prefix) {
        return smsc.request(new JsonObject().put("cmd", "flood").put("n", n).put("window", window)
                .put("prefix", prefix).put("sources", n).put("texts", ResidentTexts.of(args)), "flood_started",
                Duration.ofSeconds(30));
    }

    /** Waits until the intake journal has no unprocessed row (at once without the journal); the seconds waited. */
    double journalDrained(Duration max) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        while (count("SELECT COUNT(*) FROM sms_journal WHERE state='PENDING'") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the SMS journal was not processed within " + max);
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(dbUrl()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<String> column(String sql) throws SQLException {
        try (Connection c = connect(dbUrl()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    Path gatewayLog() {
        return log;
    }

    @Override
    public void close() throws Exception {
        stopGateway();
        smsc.close();
        if (!args.containsKey("keep")) {
            try (Connection c = connect(serverUrl); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + dbName);
            }
        }
    }
}
