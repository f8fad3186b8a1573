package org.hotline81890.bench.sms;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonObject;

/**
 * The flood generator's own ceiling: the node SMSC floods N deliver_sm to {@link RawAcker}s (ESMEs that ack at
 * once, no work at all), so the figure is what the driver can push on this machine, the upper bound of any
 * gateway or Kannel figure measured with it. Usage:
 * {@code java -cp hotline-bench.jar org.hotline81890.bench.sms.SmscCeiling --n 100000 --window 200 --binds 1}
 */
public final class SmscCeiling {
    private SmscCeiling() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = SmsRig.parse(argv);
        int n = Integer.parseInt(args.getOrDefault("n", "100000"));
        int window = Integer.parseInt(args.getOrDefault("window", "200"));
        int binds = Integer.parseInt(args.getOrDefault("binds", "1"));
        Path root = Path.of(args.getOrDefault("repo", ".")).toAbsolutePath();
        List<RawAcker> ackers = new ArrayList<>();
        try (NodeSmsc smsc = new NodeSmsc(root, "--system-id", "hotline", "--password", "secret")) {
            for (int i = 0; i < binds; i++) {
                ackers.add(new RawAcker(smsc.port(), "hotline", "secret"));
                smsc.await(e -> "bind".equals(e.getString("event")), Duration.ofSeconds(10));
            }
            for (String prefix : List.of("warm", "load")) {
                int count = "warm".equals(prefix) ? Math.min(20000, n / 5) : n;
                smsc.request(new JsonObject().put("cmd", "flood").put("n", count).put("window", window)
                        .put("prefix", prefix).put("sources", count), "flood_started", Duration.ofSeconds(60));
                JsonObject done = smsc.await(e -> "flood_done".equals(e.getString("event")), Duration.ofMinutes(10));
                System.out.printf("SMSC ceiling (%s): %d MO, window %d, %d raw acker bind(s): %d msgs/s,"
                                + " p50 %.1f ms, p99 %.1f ms%n", prefix, count, window, binds,
                        done.getInteger("msgsPerSec"), done.getDouble("p50ms"), done.getDouble("p99ms"));
            }
        } finally {
            for (RawAcker a : ackers) {
                a.close();
            }
        }
    }
}
