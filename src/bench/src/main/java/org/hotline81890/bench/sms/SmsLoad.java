package org.hotline81890.bench.sms;

import java.time.Duration;
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
            int warm = Math.min(2000, n / 10);
            if (warm > 0) {
                rig.flood(warm, window, "warm");
                rig.smsc.await(e -> "flood_done".equals(e.getString("event")), Duration.ofMinutes(10));
            }
            long before = System.nanoTime();
            rig.flood(n, window, "load");
            JsonObject done = rig.smsc.await(e -> "flood_done".equals(e.getString("event")), Duration.ofMinutes(30));
            double secs = (System.nanoTime() - before) / 1e9;
            long stored = rig.count("SELECT COUNT(*) FROM work_order WHERE text LIKE 'load %'");
            long distinct = rig.count("SELECT COUNT(DISTINCT text) FROM work_order WHERE text LIKE 'load %'");
            System.out.printf("SMS load: %d MO, window %d, %d bind(s): %d msgs/s (%.1f s),"
                            + " deliver_sm->resp p50 %.1f ms, p99 %.1f ms, redeliveries %d;"
                            + " work orders %d (distinct %d)%n", n, window,
                    rig.intArg("binds", 1), done.getInteger("msgsPerSec"), secs, done.getDouble("p50ms"),
                    done.getDouble("p99ms"), done.getInteger("redeliveries"), stored, distinct);
            System.out.println("gateway log: " + rig.gatewayLog());
            if (args.containsKey("kannel")) {
                rig.stopGateway();
                kannel(rig, n, window, done.getInteger("msgsPerSec"));
            }
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
                    .put("prefix", "warm").put("sources", n), "flood_started", Duration.ofSeconds(30));
            smsc.await(e -> "flood_done".equals(e.getString("event")), Duration.ofMinutes(10));
            smsc.request(new JsonObject().put("cmd", "flood").put("n", n).put("window", window).put("prefix", "load")
                    .put("sources", n), "flood_started", Duration.ofSeconds(30));
            JsonObject k = smsc.await(e -> "flood_done".equals(e.getString("event")), Duration.ofMinutes(30));
            System.out.printf("Kannel 1.4.5 bearerbox (no commit per message): %d msgs/s, p50 %.1f ms, p99 %.1f ms;"
                    + " hotline/Kannel = %.2f%n", k.getInteger("msgsPerSec"), k.getDouble("p50ms"),
                    k.getDouble("p99ms"), ours / (double) k.getInteger("msgsPerSec"));
        }
    }
}
