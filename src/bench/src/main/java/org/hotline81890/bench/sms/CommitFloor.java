package org.hotline81890.bench.sms;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Issue 18: the floor under an acknowledgement that follows a commit. What one single-row INSERT and its COMMIT cost
 * on this machine and server (one packet, as the journal's lane sends them), with 1, 2, 4 … connections committing
 * at once, each in a loop: per commit p50 / p99 wall time and commits per second (InnoDB groups the fsyncs of
 * concurrent commits). Run it against a server at the embedded default's settings (128 MB buffer pool, 96 MB redo,
 * {@code innodb_flush_log_at_trx_commit=1}). Usage: {@code java -cp hotline-bench.jar
 * org.hotline81890.bench.sms.CommitFloor --db-url 'jdbc:mysql://127.0.0.1:PORT/?sslMode=DISABLED' --db-user hotline
 * --db-password hotline-test [--commits 2000] [--threads 1,2,4,8,16]}
 */
public final class CommitFloor {
    private CommitFloor() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = SmsRig.parse(argv);
        int commits = Integer.parseInt(args.getOrDefault("commits", "2000"));
        int[] threads = Arrays.stream(args.getOrDefault("threads", "1,2,4,8,16").split(","))
                .mapToInt(Integer::parseInt).toArray();
        String url = args.getOrDefault("db-url", "jdbc:mysql://127.0.0.1:3306/?sslMode=DISABLED");
        String schema = "commit_floor_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection(url, args.get("db-user"), args.get("db-password"))) {
            admin.createStatement().execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4");
            admin.createStatement().execute("CREATE TABLE " + schema + ".t (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " k VARCHAR(96) NOT NULL, body VARCHAR(700) NOT NULL, at DATETIME(3) NOT NULL) ENGINE=InnoDB");
        }
        String lane = url.replace("/?", "/" + schema + "?");
        try {
            run(lane, args, threads[0], Math.min(200, commits)); // warm-up
            for (int t : threads) {
                run(lane, args, t, commits);
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(url, args.get("db-user"), args.get("db-password"))) {
                admin.createStatement().execute("DROP DATABASE " + schema);
            }
        }
    }

    /** {@code threads} connections, {@code commits} commits in all; prints the latencies and the rate. */
    private static void run(String url, Map<String, String> args, int threads, int commits) throws Exception {
        int each = Math.max(1, commits / threads);
        AtomicLongArray nanos = new AtomicLongArray(each * threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        List<Exception> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * each;
            running.add(Thread.ofPlatform().start(() -> {
                try (Connection c = DriverManager.getConnection(url, JournalAppendBench.laneProperties(args));
                     PreparedStatement ps = c.prepareStatement(
                             "INSERT INTO t (k, body, at) VALUES (?, ?, NOW(3)); COMMIT")) {
                    c.setAutoCommit(false);
                    start.await();
                    for (int i = 0; i < each; i++) {
                        ps.setString(1, "smsc:" + UUID.randomUUID());
                        ps.setString(2, "楼道灯坏了，三天了，麻烦尽快派人来修一下，谢谢");
                        long t0 = System.nanoTime();
                        ps.execute();
                        while (ps.getMoreResults() || ps.getUpdateCount() != -1) {
                            // drain the COMMIT's result
                        }
                        nanos.set(base + i, System.nanoTime() - t0);
                    }
                } catch (Exception e) {
                    failed.add(e);
                }
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread t : running) {
            t.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (!failed.isEmpty()) {
            throw failed.getFirst();
        }
        long[] sorted = new long[nanos.length()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = nanos.get(i);
        }
        Arrays.sort(sorted);
        System.out.printf("%2d connections: %5d commits, %6.0f commits/s, per commit p50 %.2f ms, p99 %.2f ms%n",
                threads, sorted.length, sorted.length / secs, sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, sorted.length * 99 / 100)] / 1e6);
    }
}
