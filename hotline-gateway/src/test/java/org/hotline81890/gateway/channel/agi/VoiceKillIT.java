package org.hotline81890.gateway.channel.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.testing.GatewayProcess;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.testing.TestEnv;
import org.hotline81890.simulators.agi.AgiCallResult;
import org.hotline81890.simulators.agi.AgiCallSimulator;
import org.hotline81890.simulators.agi.AgiCallSpec;
import org.hotline81890.simulators.agi.CallerScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault drill (issue 16): the gateway killed (-9) while FastAGI intake calls from the wire-exact Asterisk simulator
 * are mid-request. A caller is "told" when the script set HOTLINE_TICKET (the dialplan reads it out and queues the
 * call with it). Calls the dead gateway did not answer come again with the same uniqueid, as Asterisk re-entering the
 * script does. Afterwards: every call has exactly one order, the ticket each caller was told is that order's (told
 * before or after the kill), and no caller was told a ticket that was not stored.
 */
class VoiceKillIT {
    private static final String TOKEN = "it-token-voice-kill-0123";
    private static final int CALLS = Integer.getInteger("hotline.drill.orders", 40);
    private static final int AT_ONCE = 8;
    @TempDir
    Path dir;

    @Test
    void everyTicketToldShouldBeStoredOnceAcrossAKillMidCall() throws Exception {
        int agiPort;
        try (ServerSocket s = new ServerSocket(0)) {
            agiPort = s.getLocalPort();
        }
        try (TestDatabase db = TestDatabase.create()) {
            Map<String, String> env = TestEnv.base(db, dir.resolve("data"), TOKEN);
            env.putAll(Map.of("HOTLINE_AGI_ENABLED", "true", "HOTLINE_AGI_PORT", Integer.toString(agiPort),
                    "HOTLINE_AGI_BIND", "127.0.0.1", "HOTLINE_AGI_ALLOWED_HOSTS", "127.0.0.1",
                    // a cold JVM's first connection on a loaded machine can take longer than the shipped 2 s
                    "HOTLINE_DB_CONNECT_TIMEOUT", "30s"));
            AgiCallSimulator asterisk = new AgiCallSimulator(Duration.ofSeconds(20));
            Map<Integer, List<String>> told = new ConcurrentHashMap<>();
            AtomicInteger finished = new AtomicInteger();
            AtomicInteger inFlight = new AtomicInteger();
            int inFlightAtKill;
            GatewayProcess first = GatewayProcess.start(env, dir, "voice-1");
            try (ExecutorService callers = Executors.newFixedThreadPool(AT_ONCE)) {
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < CALLS; i++) {
                    int call = i;
                    calls.add(callers.submit(() -> {
                        inFlight.incrementAndGet();
                        try {
                            ticket(asterisk.run("127.0.0.1", agiPort, spec(call), CallerScript.silent()))
                                    .ifPresent(t -> told.computeIfAbsent(call, k -> new ArrayList<>()).add(t));
                        } finally {
                            inFlight.decrementAndGet();
                            finished.incrementAndGet();
                        }
                    }));
                }
                Eventually.waitFor("half the calls ended and some mid-request", Duration.ofSeconds(120),
                        () -> finished.get() >= CALLS / 2 && inFlight.get() > 0);
                inFlightAtKill = inFlight.get();
                first.kill();
                for (Future<?> f : calls) {
                    f.get();
                }
            } finally {
                first.close();
            }
            int toldBeforeRestart = told.size();
            try (GatewayProcess second = GatewayProcess.start(env, dir, "voice-2")) {
                // Asterisk's side again for every call that got no ticket: the same uniqueid re-enters the script
                for (int i = 0; i < CALLS; i++) {
                    if (!told.containsKey(i)) {
                        int call = i;
                        ticket(asterisk.run("127.0.0.1", agiPort, spec(call), CallerScript.silent()))
                                .ifPresent(t -> told.computeIfAbsent(call, k -> new ArrayList<>()).add(t));
                    }
                }
                Map<String, String[]> stored = stored(db);
                System.out.printf("VoiceKillIT: %d calls, %d in flight at the kill, %d told before it, %d after;"
                        + " %d orders%n", CALLS, inFlightAtKill, toldBeforeRestart, CALLS - toldBeforeRestart,
                        stored.size());
                assertThat(inFlightAtKill).as("calls mid-request at the kill").isPositive();
                assertThat(told).as("every call told a ticket in the end").hasSize(CALLS);
                assertThat(stored).as("one order per call, none doubled").hasSize(CALLS);
                for (int i = 0; i < CALLS; i++) {
                    String[] order = stored.get("phone:" + uniqueId(i));
                    assertThat(order).as("call %d stored", i).isNotNull();
                    assertThat(told.get(i)).as("call %d told its stored ticket", i).containsOnly(order[0]);
                    assertThat(order[1]).isEqualTo(caller(i));
                }
            }
        }
    }

    private static Optional<String> ticket(AgiCallResult r) {
        return r.variable("HOTLINE_TICKET").filter(t -> !t.isEmpty());
    }

    private static AgiCallSpec spec(int call) {
        // a greeting of 300 ms: the order commits while it plays, so a kill finds calls before and after the commit
        return AgiCallSpec.builder().script("intake").uniqueId(uniqueId(call)).callerIdNum(caller(call))
                .promptTime(Duration.ofMillis(300)).build();
    }

    private static String uniqueId(int call) {
        return "1795419400." + call;
    }

    private static String caller(int call) {
        return "1380000" + String.format("%04d", call);
    }

    /** idempotency key → {ticket, caller number}. */
    private static Map<String, String[]> stored(TestDatabase db) throws Exception {
        Map<String, String[]> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(db.url(), TestDatabase.user(), TestDatabase.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT idempotency_key, ticket, caller_number FROM work_order")) {
            while (rs.next()) {
                out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return out;
    }
}
