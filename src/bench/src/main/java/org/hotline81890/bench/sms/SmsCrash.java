package org.hotline81890.bench.sms;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vertx.core.json.JsonObject;

/**
 * Crash test: flood the gateway, kill -9 it mid-flood, start it again, let the SMSC redeliver what it never got an
 * OK for, then compare the SMSC's ledger of acknowledged messages with the work orders: zero missing, zero
 * duplicates. Exit status 0 only then. Usage: see hotline-gateway/docs/sms.md.
 */
public final class SmsCrash {
    private SmsCrash() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = SmsRig.parse(argv);
        int n = Integer.parseInt(args.getOrDefault("n", "5000"));
        int window = Integer.parseInt(args.getOrDefault("window", "200"));
        int exit;
        try (SmsRig rig = new SmsRig(args, "--system-id", "hotline", "--password", "secret",
                "--redeliver-ms", "500", "--resp-timeout-ms", "10000")) {
            rig.startGateway();
            rig.flood(n, window, "crash");
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            // A third acknowledged: on the journal that is a third journaled, while the orders are still behind.
            while (Math.max(rig.count("SELECT COUNT(*) FROM sms_journal WHERE text LIKE 'crash %'"),
                    rig.count("SELECT COUNT(*) FROM work_order WHERE text LIKE 'crash %'")) < n / 3) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("flood did not get a third of the way in 5 minutes");
                }
                Thread.sleep(20);
            }
            rig.killGateway();
            long atKill = rig.count("SELECT COUNT(*) FROM work_order WHERE text LIKE 'crash %'");
            long journaled = rig.count("SELECT COUNT(*) FROM sms_journal WHERE text LIKE 'crash %'");
            System.out.printf("kill -9 of the gateway with %d of %d messages journaled, %d work orders%n", journaled, n,
                    atKill);
            rig.startGateway();
            JsonObject done = rig.smsc.await(e -> "flood_done".equals(e.getString("event")), Duration.ofMinutes(30));
            // On the journal an acknowledged text becomes its order just behind the ack (after a kill: after the
            // dead stage's lease): compare once every journaled row is processed.
            double drained = rig.journalDrained(Duration.ofMinutes(5));
            System.out.printf("journal processed %.1f s after the flood's end%n", drained);
            List<String> acked = rig.smsc.request(new JsonObject().put("cmd", "ledger"), "ledger",
                    Duration.ofSeconds(60)).getJsonArray("entries").stream().map(JsonObject.class::cast)
                    .filter(e -> "acked".equals(e.getString("status")) && e.getString("text").startsWith("crash "))
                    .map(e -> e.getString("text")).toList();
            List<String> stored = rig.column("SELECT text FROM work_order WHERE text LIKE 'crash %'");
            Set<String> storedSet = new HashSet<>(stored);
            long missing = acked.stream().filter(t -> !storedSet.contains(t)).count();
            long duplicates = stored.size() - storedSet.size();
            System.out.printf("SMS crash test: %d MO, %d acknowledged by the gateway per the SMSC ledger,"
                            + " %d work orders; missing %d, duplicates %d, redeliveries %d%n",
                    n, acked.size(), stored.size(), missing, duplicates, done.getInteger("redeliveries"));
            exit = missing == 0 && duplicates == 0 && acked.size() == n ? 0 : 1;
        }
        System.exit(exit);
    }
}
