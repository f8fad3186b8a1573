package org.hotline81890.bench.sms;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonObject;

/**
 * Load driver: floods the gateway (a child JVM with SMS enabled, on MariaDB) through the node SMSC with N
 * mobile-originated messages from N numbers, W outstanding, and prints messages per second and p50/p99 from
 * deliver_sm to deliver_sm_resp (measured by the SMSC), then checks every message is a work order.
 * Usage: see hotline-gateway/docs/sms.md.
 */
public final class SmsLoad {
    private SmsLoad() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = SmsRig.parse(argv);
        int n = Integer.parseInt(args.getOrDefault("n", "20000"));
        int window = Integer.parseInt(args.getOrDefault("window", "200"));
        try (SmsRig rig = new SmsRig(args, "--system-id", "hotline", "--password", "secret",
                "--redeliver-ms", "1000", "--resp-timeout-ms", "10000")) {
            rig.startGateway();
            int warm = Integer.parseInt(args.getOrDefault("warm", String.valueOf(Math.min(2000, n / 10))));
            if (warm > 0) {
                rig.flood(warm, window, "warm");
                rig.smsc.await(e -> "flood_done".equals(e.getString("event")), Duration.ofMinutes(10));
                rig.journalDrained(Duration.ofMinutes(30));
            }
            long before = System.nanoTime();
            CpuMeter cpu = new CpuMeter(rig.gatewayPid());
            // --db-pid: the MariaDB server's process, to report the database's CPU per message too
            long dbPid = Long.parseLong(args.getOrDefault("db-pid", "0"));
            CpuMeter dbCpu = new CpuMeter(dbPid);
            CpuMeter ackCpu = new CpuMeter(rig.gatewayPid());
            CpuMeter ackDbCpu = new CpuMeter(dbPid);
            rig.flood(n, window, "load");
            JsonObject done = rig.smsc.await(e -> "flood_done".equals(e.getString("event")), Duration.ofMinutes(30));
            double secs = (System.nanoTime() - before) / 1e9;
            String ackCpuPerMo = ackCpu.perMessage(n) + "; database " + ackDbCpu.perMessage(n);
            // With the journal the orders are opened behind the acks: CPU is counted until they all are.
            long pendingAtFloodEnd = rig.count("SELECT COUNT(*) FROM sms_journal"
                    + " WHERE state IN ('NEW','PENDING')");
            // --drain no: the ack path only (a flood of 60,000 drains at the matcher's ~100-200/s, minutes);
            // --drain replies: the replies awaited, not the matcher's drain (ticket first: they do not wait for it)
            boolean onlyReplies = "replies".equals(args.get("drain"));
            boolean drain = !"no".equals(args.get("drain")) && !onlyReplies;
            double drained = drain ? rig.journalDrained(Duration.ofMinutes(60)) : 0;
            long floodEnd = System.currentTimeMillis();
            if (onlyReplies) {
                replies(rig, n, floodEnd, Duration.ofSeconds(Long.parseLong(args.getOrDefault("reply-wait", "300"))));
            }
            String cpuPerMo = cpu.perMessage(n) + "; database " + dbCpu.perMessage(n);
            long stored = rig.count("SELECT COUNT(*) FROM work_order WHERE text LIKE 'load %'");
            long distinct = rig.count("SELECT COUNT(DISTINCT text) FROM work_order WHERE text LIKE 'load %'");
            // The SMSC times the flood from its first deliver_sm to the last resp; secs also covers encoding it.
            System.out.printf("SMS load: %d MO, window %d, %d bind(s): %d msgs/s (flood %.1f s, %.1f s with setup),"
                            + " deliver_sm->resp p50 %.1f ms, p99 %.1f ms, redeliveries %d;"
                            + " work orders %d (distinct %d)%n", n, window,
                    rig.intArg("binds", 1), done.getInteger("msgsPerSec"), done.getDouble("seconds"), secs,
                    done.getDouble("p50ms"),
                    done.getDouble("p99ms"), done.getInteger("redeliveries"), stored, distinct);
            if (drain) {
                System.out.printf("Journal (%s): every order opened %.1f s after the flood's last resp%n",
                        "no".equals(args.get("journal")) ? "off, orders before the ack" : "on", drained);
                System.out.printf("Journal: %d texts pending at the flood's last resp, drained at %.0f/s%n",
                        pendingAtFloodEnd, drained > 0 ? pendingAtFloodEnd / drained : 0.0);
            } else {
                System.out.printf("Journal: %d texts pending at the flood's last resp (drain not awaited)%n",
                        pendingAtFloodEnd);
            }
            System.out.println("During the flood (acks): " + ackCpuPerMo.replace("process " + rig.gatewayPid(),
                    "gateway").replace("process " + dbPid, "mariadbd"));
            System.out.println((onlyReplies ? "Flood and replies: " : "Flood and drain: ") + cpuPerMo
                    .replace("process " + rig.gatewayPid(), "gateway").replace("process " + dbPid, "mariadbd"));
            if (drain) {
                replies(rig, n, floodEnd, Duration.ofSeconds(Long.parseLong(args.getOrDefault("reply-wait", "300"))));
            }
            System.out.println("gateway log: " + rig.gatewayLog());
            if (args.containsKey("kannel")) {
                rig.stopGateway();
                kannel(rig, n, window, done.getInteger("msgsPerSec"));
            }
        }
    }

    /**
     * The auto-replies: waits (up to {@code --reply-wait} seconds, default 300) until every load message's reply was
     * submitted, then prints how many were, the time from the MO's commit (outbox created_at, same transaction) to the
     * reply's first submit_sm_resp, p50/p99, and how long after the flood's end the last one went out (the national
     * norm: a reply within 3 minutes).
     */
    private static void replies(SmsRig rig, int n, long floodEndMillis, Duration wait) throws Exception {
        // The reply to a text is found by its key (with ticket first it is queued before the order exists).
        String join = " FROM sms_journal j JOIN outbox o ON o.dedupe_key = CONCAT('sms-reply:', j.message_key)"
                + " JOIN sms_submission s ON s.outbox_id = o.id AND s.part_no = 1 WHERE j.text LIKE 'load %'";
        long deadline = System.nanoTime() + wait.toNanos();
        long sent = rig.count("SELECT COUNT(DISTINCT o.id)" + join);
        while (sent < n && System.nanoTime() < deadline) {
            Thread.sleep(500);
            sent = rig.count("SELECT COUNT(DISTINCT o.id)" + join);
        }
        List<String> ms = rig.column("SELECT MIN(TIMESTAMPDIFF(MICROSECOND, o.created_at, s.submitted_at)) DIV 1000"
                + " AS ms" + join + " GROUP BY o.id ORDER BY ms");
        String floodEnd = java.time.LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(floodEndMillis),
                java.time.ZoneOffset.UTC).toString();
        long lastAfter = rig.count("SELECT COALESCE(TIMESTAMPDIFF(MICROSECOND, '" + floodEnd
                + "', MAX(s.submitted_at)) DIV 1000, 0)" + join);
        if (ms.isEmpty()) {
            System.out.printf("Replies: none of %d submitted within %d s of the flood's end (earlier rows, e.g. the"
                    + " warm-up's replies, go first)%n", n, wait.toSeconds());
            return;
        }
        System.out.printf("Replies: %d of %d submitted; MO commit -> reply submit p50 %.1f s, p99 %.1f s;"
                        + " last reply %.1f s after the flood ended%n", sent, n,
                Long.parseLong(ms.get(ms.size() / 2)) / 1000.0,
                Long.parseLong(ms.get(Math.min(ms.size() - 1, ms.size() * 99 / 100))) / 1000.0, lastAfter / 1000.0);
        // Ticket first: the reply is queued by the ticket pass; arrival -> queued is the pass's share (ADR 0054).
        List<String> toQueued = rig.column("SELECT TIMESTAMPDIFF(MICROSECOND, MIN(j.received_at), o.created_at)"
                + " DIV 1000 AS ms FROM sms_journal j JOIN outbox o ON o.dedupe_key = CONCAT('sms-reply:',"
                + " j.message_key) WHERE j.text LIKE 'load %' GROUP BY o.id, o.created_at ORDER BY ms");
        if (!toQueued.isEmpty()) {
            System.out.printf("Replies: MO received (journal) -> reply queued p50 %.1f s, p99 %.1f s%n",
                    Long.parseLong(toQueued.get(toQueued.size() / 2)) / 1000.0,
                    Long.parseLong(toQueued.get(Math.min(toQueued.size() - 1, toQueued.size() * 99 / 100))) / 1000.0);
        }
        // With the journal the ack follows the journal row, not the order: time the reply from the text's arrival.
        List<String> fromArrival = rig.column("SELECT TIMESTAMPDIFF(MICROSECOND, MIN(j.received_at), s.submitted_at)"
                + " DIV 1000 AS ms" + join + " GROUP BY o.id, s.submitted_at ORDER BY ms");
        if (!fromArrival.isEmpty()) {
            System.out.printf("Replies: MO received (journal) -> reply submit p50 %.1f s, p99 %.1f s%n",
                    Long.parseLong(fromArrival.get(fromArrival.size() / 2)) / 1000.0,
                    Long.parseLong(fromArrival.get(Math.min(fromArrival.size() - 1, fromArrival.size() * 99 / 100)))
                            / 1000.0);
        }
    }

    /** The same flood against Kannel's bearerbox right after, with the gateway stopped, on the same machine. */
    private static void kannel(SmsRig rig, int n, int window, int ours) throws Exception {
        if (!KannelBearerbox.available()) {
            System.out.println("Kannel: bearerbox not installed (apt-get install --no-install-recommends kannel)");
            return;
        }
        try (NodeSmsc smsc = new NodeSmsc(java.nio.file.Path.of(rig.args.getOrDefault("repo", ".")).toAbsolutePath(),
                "--system-id", "hotline", "--password", "secret", "--redeliver-ms", "1000");
             KannelBearerbox kannel = new KannelBearerbox(smsc)) {
            smsc.request(new JsonObject().put("cmd", "flood").put("n", Math.min(2000, n / 10)).put("window", window)
                    .put("prefix", "warm").put("sources", n).put("texts", ResidentTexts.of(rig.args)), "flood_started",
                    Duration.ofSeconds(30));
            smsc.await(e -> "flood_done".equals(e.getString("event")), Duration.ofMinutes(10));
            CpuMeter cpu = new CpuMeter(kannel.pid());
            smsc.request(new JsonObject().put("cmd", "flood").put("n", n).put("window", window).put("prefix", "load")
                    .put("sources", n).put("texts", ResidentTexts.of(rig.args)), "flood_started",
                    Duration.ofSeconds(30));
            JsonObject k = smsc.await(e -> "flood_done".equals(e.getString("event")), Duration.ofMinutes(30));
            System.out.println("Kannel " + cpu.perMessage(n).replace("process " + kannel.pid(), "bearerbox"));
            System.out.printf("Kannel 1.4.5 bearerbox (no commit per message): %d msgs/s, p50 %.1f ms, p99 %.1f ms;"
                    + " hotline/Kannel = %.2f%n", k.getInteger("msgsPerSec"), k.getDouble("p50ms"),
                    k.getDouble("p99ms"), ours / (double) k.getInteger("msgsPerSec"));
        }
    }
}
