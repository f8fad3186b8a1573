package org.hotline81890.bench.sms;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.hotline81890.gateway.storage.mysql.SqlLiterals;

/**
 * Issue 18: the SMS journal's append (one row per text, INSERT and COMMIT in one packet) three ways, alternating in
 * one sitting on the same server and connection settings as the journal's lane: {@code bound} (one multi-row INSERT
 * with bound parameters, what {@code MySqlInboundJournal} does), {@code batch} (single-row INSERTs in a JDBC batch that
 * Connector/J rewrites into a multi-row one, {@code rewriteBatchedStatements}; its COMMIT is a second round trip) and
 * {@code literals} (the multi-row INSERT with values written by {@code SqlLiterals}, the order batch's way). Prints,
 * per variant and batch size, the median over the passes of the wall time and of the appending thread's CPU time
 * per text. Residents' texts (UCS-2 Chinese, ~30 characters). Usage:
 * {@code java -cp hotline-bench.jar org.hotline81890.bench.sms.JournalAppendBench --db-url
 * 'jdbc:mysql://127.0.0.1:PORT/?sslMode=DISABLED' --db-user hotline --db-password hotline-test [--rows 4000]
 * [--passes 7] [--batches 1,20,100]}
 */
public final class JournalAppendBench {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final String COLUMNS = "(message_key, source, destination, text, parts_received, parts_expected,"
            + " received_at)";
    private static final List<String> VARIANTS = List.of("bound", "batch", "literals");

    private JournalAppendBench() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = SmsRig.parse(argv);
        int rows = Integer.parseInt(args.getOrDefault("rows", "4000"));
        int passes = Integer.parseInt(args.getOrDefault("passes", "7"));
        int[] batches = Arrays.stream(args.getOrDefault("batches", "1,20,100").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        String url = args.getOrDefault("db-url", "jdbc:mysql://127.0.0.1:3306/?sslMode=DISABLED");
        String schema = "journal_bench_" + UUID.randomUUID().toString().substring(0, 8);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (Connection admin = DriverManager.getConnection(url, args.get("db-user"), args.get("db-password"))) {
            admin.createStatement().execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4");
        }
        String lane = url.replace("/?", "/" + schema + "?");
        try (Connection c = DriverManager.getConnection(lane, laneProperties(args))) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            createTable(c);
            Map<String, List<double[]>> results = new LinkedHashMap<>();
            for (int pass = 0; pass <= passes; pass++) {
                for (int batch : batches) {
                    List<String> order = new ArrayList<>(VARIANTS);
                    Collections.rotate(order, pass); // who goes first changes every pass
                    for (String variant : order) {
                        long wall0 = System.nanoTime();
                        long cpu0 = cpu.getCurrentThreadCpuTime();
                        for (int done = 0; done < rows; done += batch) {
                            append(c, variant, texts(pass, done, batch));
                        }
                        double wall = (System.nanoTime() - wall0) / 1e3 / rows;
                        double used = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e3 / rows;
                        if (pass > 0) { // pass 0 warms the JIT and the server
                            results.computeIfAbsent(variant + " x" + batch, k -> new ArrayList<>())
                                    .add(new double[] {wall, used});
                        }
                    }
                }
                c.createStatement().execute("TRUNCATE TABLE sms_journal");
            }
            System.out.printf("journal append, %d texts per variant and batch size, median of %d passes "
                    + "(wall / appending thread CPU, µs per text):%n", rows, passes);
            results.forEach((k, v) -> System.out.printf("  %-14s %8.1f / %6.1f%n", k,
                    median(v.stream().mapToDouble(a -> a[0]).toArray()),
                    median(v.stream().mapToDouble(a -> a[1]).toArray())));
        } finally {
            try (Connection admin = DriverManager.getConnection(url, args.get("db-user"), args.get("db-password"))) {
                admin.createStatement().execute("DROP DATABASE " + schema);
            }
        }
    }

    /** The journal lane's settings (Database.open plus allowMultiQueries). */
    static Properties laneProperties(Map<String, String> args) {
        Properties p = new Properties();
        p.setProperty("user", args.get("db-user"));
        p.setProperty("password", args.get("db-password"));
        for (String kv : List.of("useLocalSessionState=true", "useLocalTransactionState=true", "cachePrepStmts=true",
                "prepStmtCacheSize=250", "prepStmtCacheSqlLimit=4096", "cacheServerConfiguration=true",
                "maintainTimeStats=false", "rewriteBatchedStatements=true", "connectionTimeZone=UTC",
                "characterEncoding=UTF-8", "allowMultiQueries=true")) {
            String[] pair = kv.split("=");
            p.setProperty(pair[0], pair[1]);
        }
        return p;
    }

    /** sms_journal as V26 creates it. */
    private static void createTable(Connection c) throws SQLException {
        c.createStatement().execute("""
                CREATE TABLE sms_journal (
                    id BIGINT NOT NULL AUTO_INCREMENT, message_key VARCHAR(191) NOT NULL, source VARCHAR(32) NOT NULL,
                    destination VARCHAR(32) NOT NULL, text MEDIUMTEXT NOT NULL, parts_received INT NOT NULL,
                    parts_expected INT NOT NULL, received_at DATETIME(3) NOT NULL,
                    state VARCHAR(8) NOT NULL DEFAULT 'PENDING', claimed_until DATETIME(3) NULL,
                    attempts INT NOT NULL DEFAULT 0,
                    due_key DATETIME(3) AS (GREATEST(received_at, COALESCE(claimed_until, received_at))) STORED,
                    PRIMARY KEY (id), KEY ix_sms_journal_due_key (state, due_key)
                ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci""");
    }

    private record Text(String key, String source, String text, String at) {
    }

    private static List<Text> texts(int pass, int from, int n) {
        List<Text> out = new ArrayList<>(n);
        String at = MILLIS.format(LocalDateTime.now(ZoneOffset.UTC));
        for (int i = 0; i < n; i++) {
            int k = from + i;
            out.add(new Text("sms:" + UUID.randomUUID(), String.format("86137%08d", pass * 1_000_000 + k),
                    ResidentTexts.ZH.get(k % ResidentTexts.ZH.size()) + " #" + k, at));
        }
        return out;
    }

    private static void append(Connection c, String variant, List<Text> texts) throws SQLException {
        switch (variant) {
            case "bound" -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO sms_journal " + COLUMNS + " VALUES "
                        + String.join(",", Collections.nCopies(texts.size(), "(?,?,?,?,?,?,?)")) + "; COMMIT")) {
                    int i = 1;
                    for (Text t : texts) {
                        ps.setString(i++, t.key());
                        ps.setString(i++, t.source());
                        ps.setString(i++, "81890");
                        ps.setString(i++, t.text());
                        ps.setInt(i++, 1);
                        ps.setInt(i++, 1);
                        ps.setString(i++, t.at());
                    }
                    drain(ps);
                }
            }
            case "batch" -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO sms_journal " + COLUMNS
                        + " VALUES (?,?,?,?,?,?,?)")) {
                    for (Text t : texts) {
                        ps.setString(1, t.key());
                        ps.setString(2, t.source());
                        ps.setString(3, "81890");
                        ps.setString(4, t.text());
                        ps.setInt(5, 1);
                        ps.setInt(6, 1);
                        ps.setString(7, t.at());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            }
            case "literals" -> {
                SqlLiterals lit = SqlLiterals.of(c);
                StringBuilder sql = new StringBuilder(64 + texts.size() * 160).append("INSERT INTO sms_journal ")
                        .append(COLUMNS).append(" VALUES ");
                for (int i = 0; i < texts.size(); i++) {
                    Text t = texts.get(i);
                    sql.append(i == 0 ? "(" : ",(");
                    List<Object> values = List.of(t.key(), t.source(), "81890", t.text(), 1, 1, t.at());
                    for (int j = 0; j < values.size(); j++) {
                        if (j > 0) {
                            sql.append(',');
                        }
                        lit.append(sql, values.get(j));
                    }
                    sql.append(')');
                }
                try (Statement st = c.createStatement()) {
                    drain(st, sql.append("; COMMIT").toString());
                }
            }
            default -> throw new IllegalArgumentException(variant);
        }
    }

    private static void drain(PreparedStatement ps) throws SQLException {
        ps.execute();
        while (ps.getMoreResults() || ps.getUpdateCount() != -1) {
            // the COMMIT's result
        }
    }

    private static void drain(Statement st, String sql) throws SQLException {
        st.execute(sql);
        while (st.getMoreResults() || st.getUpdateCount() != -1) {
            // the COMMIT's result
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
