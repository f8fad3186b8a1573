package org.hotline81890.simulators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import org.hotline81890.simulators.agi.AgiCallResult;
import org.hotline81890.simulators.agi.AgiCallSimulator;
import org.hotline81890.simulators.agi.AgiCallSpec;
import org.hotline81890.simulators.agi.CallerScript;
import org.hotline81890.simulators.ami.AmiServerConfig;
import org.hotline81890.simulators.ami.AmiServerSimulator;
import org.hotline81890.simulators.sip.RelayCall;
import org.hotline81890.simulators.sip.SipWebSocketRelay;

/**
 * Starts the simulated Asterisk for the demo and load drivers.
 *
 * <pre>
 * --ami-port 5038          serve AMI on this port (0 = any; omit --ami-port to skip AMI)
 * --agi 127.0.0.1:4573     fire simulated calls at this FastAGI server
 * --calls 100              how many calls, all at once on virtual threads
 * --script intake          the FastAGI script name (agi://host/intake)
 * --digits 1               what each caller keys when asked (empty = silent)
 * --prompt-ms 0            how long each prompt plays
 * --ring-agent 1001        with --agi and --ami-port: once this agent is ready in queue hotline, one intake call,
 *                          then the queue rings the agent (AgentCalled); Enter on standard input answers
 *                          (AgentConnect), Enter again hangs up (AgentComplete; "c" Enter: the caller hung up)
 * --caller 13800001111     the resident's number for --ring-agent
 * --sip-ws-port 18310      a SIP-over-WebSocket relay (RFC 7118) browser phones register with, instead of PJSIP
 * --sip-ws-bind 127.0.0.1  its address; with --ring-agent, a registered browser phone is rung with an INVITE and
 *                          its answer / hang-up become AgentConnect / AgentComplete
 * --sip-domain hotline.test the SIP domain of those INVITEs
 * --sip-ws-passwords 1001=secret,1002=secret  REGISTER of these extensions needs digest authentication (401, then
 *                          the password's answer; 403 for a wrong one), as PJSIP's auth_type=userpass asks it
 * </pre>
 */
public final class AsteriskSimulatorMain {

    private AsteriskSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        AmiServerSimulator ami = null;
        if (opt.containsKey("ami-port")) {
            ami = new AmiServerSimulator(AmiServerConfig.defaults()
                    .withPort(Integer.parseInt(opt.get("ami-port")))).start();
            System.out.println("AMI simulator on port " + ami.port() + " (user hotline / hotline-secret)");
        }
        SipWebSocketRelay relay = null;
        if (opt.containsKey("sip-ws-port")) {
            relay = SipWebSocketRelay.start(opt.getOrDefault("sip-ws-bind", "127.0.0.1"),
                    Integer.parseInt(opt.get("sip-ws-port")), passwords(opt.getOrDefault("sip-ws-passwords", "")));
            System.out.println("SIP WebSocket relay on ws://" + opt.getOrDefault("sip-ws-bind", "127.0.0.1") + ":"
                    + relay.port() + " (browser phones register here)");
        }
        if (opt.containsKey("ring-agent")) {
            if (ami == null || !opt.containsKey("agi")) {
                throw new IllegalArgumentException("--ring-agent needs --agi HOST:PORT and --ami-port");
            }
            String[] hp = opt.get("agi").split(":");
            String agent = opt.get("ring-agent");
            String caller = opt.getOrDefault("caller", "13800001111");
            System.out.println("waiting until agent " + agent + " is ready in queue hotline (QueueAdd, then "
                    + "QueuePause Paused: false from the desk) ...");
            AmiServerSimulator sim = ami;
            while (!sim.queue("hotline").flatMap(q -> q.findMember("PJSIP/" + agent)).map(m -> !m.paused())
                    .orElse(false)) {
                Thread.sleep(200);
            }
            RingAgent.Rang rang = new RingAgent(ami, "hotline").ring(hp[0], Integer.parseInt(hp[1]), agent, caller);
            System.out.println("rang agent " + agent + " with " + caller + " (uniqueid " + rang.uniqueId() + ")"
                    + rang.intakeFailure().map(f -> "; intake failed: " + f).orElse(""));
            if (relay == null || !ringBrowserPhone(relay, rang, agent, caller,
                    opt.getOrDefault("sip-domain", "hotline.test"))) {
                answerFromConsole(rang);
            }
        } else if (opt.containsKey("agi")) {
            String[] hp = opt.get("agi").split(":");
            fire(hp[0], Integer.parseInt(hp[1]), Integer.parseInt(opt.getOrDefault("calls", "1")),
                    opt.getOrDefault("script", "intake"), opt.getOrDefault("digits", ""),
                    Duration.ofMillis(Long.parseLong(opt.getOrDefault("prompt-ms", "0"))));
        }
        if (ami != null || relay != null) {
            System.out.println("simulator running; Ctrl-C to stop");
            new CountDownLatch(1).await();
        }
    }

    /**
     * The agent's browser phone is registered with the relay: it rings with an INVITE, its answer is AgentConnect and
     * its hang-up AgentComplete; Enter here is the caller hanging up.
     */
    private static boolean ringBrowserPhone(SipWebSocketRelay relay, RingAgent.Rang rang, String agent,
                                            String caller, String domain) throws Exception {
        CountDownLatch over = new CountDownLatch(1);
        Optional<RelayCall> call = relay.call(agent, caller, domain, new RelayCall.Listener() {
            @Override
            public void answered() {
                rang.answer();
                System.out.println("the browser phone answered (AgentConnect); Enter hangs up as the caller");
            }

            @Override
            public void ended(boolean byAgent) {
                rang.hangUp(byAgent);
                System.out.println("call ended by the " + (byAgent ? "agent" : "caller") + " (AgentComplete)");
                over.countDown();
            }
        });
        if (call.isEmpty()) {
            return false;
        }
        System.out.println("ringing the browser phone of " + agent + " over the relay");
        Thread.ofVirtual().start(() -> {
            try {
                if (new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                        java.nio.charset.StandardCharsets.UTF_8)).readLine() != null) {
                    call.get().hangUp();
                }
            } catch (java.io.IOException e) {
                // no console: the phone ends the call
            }
        });
        over.await();
        return true;
    }

    /**
     * Desk-phone mode: the person trying the desk plays the agent's phone. Enter = the agent picks up
     * (AgentConnect); Enter again = the agent hangs up, {@code c} Enter = the caller hangs up (AgentComplete).
     */
    private static void answerFromConsole(RingAgent.Rang rang) throws java.io.IOException {
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8));
        System.out.println("ringing: press Enter to answer on the agent's phone (AgentConnect)");
        if (in.readLine() == null) {
            return;
        }
        rang.answer();
        System.out.println("answered: press Enter to hang up as the agent, or c Enter as the caller (AgentComplete)");
        String line = in.readLine();
        if (line != null) {
            rang.hangUp(!line.strip().equalsIgnoreCase("c"));
            System.out.println("hung up");
        }
    }

    static void fire(String host, int port, int calls, String script, String digits, Duration prompt) {
        List<AgiCallSpec> specs = IntStream.range(0, calls).mapToObj(i -> AgiCallSpec.builder()
                .authority(host + ":" + port).script(script).uniqueId(System.currentTimeMillis() / 1000 + "." + i)
                .channel(String.format("Local/81890@hotline-%08x;2", i))
                .callerIdNum(String.format("138%08d", i)).promptTime(prompt).build()).toList();
        CallerScript caller = digits.isEmpty() ? CallerScript.silent() : CallerScript.pressing(digits);
        long start = System.nanoTime();
        List<AgiCallResult> results = new AgiCallSimulator().runAll(host, port, specs, caller);
        double seconds = (System.nanoTime() - start) / 1e9;
        long failed = results.stream().filter(r -> r.failure().isPresent()).count();
        List<Long> micros = new ArrayList<>();
        results.forEach(r -> r.latencies().forEach(d -> micros.add(d.toNanos() / 1000)));
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("calls=%d failed=%d seconds=%.2f calls/s=%.1f commands=%d p50=%dus p99=%dus%n",
                calls, failed, seconds, calls / seconds, sorted.length, percentile(sorted, 50),
                percentile(sorted, 99));
    }

    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    /** {@code 1001=secret,1002=secret} as a map; empty for no authentication. */
    static Map<String, String> passwords(String list) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String entry : list.split(",")) {
            String[] kv = entry.strip().split("=", 2);
            if (kv.length == 2 && !kv[0].isBlank()) {
                out.put(kv[0].strip(), kv[1]);
            } else if (!entry.isBlank()) {
                throw new IllegalArgumentException("--sip-ws-passwords wants EXT=PASSWORD,..., not '" + entry + "'");
            }
        }
        return out;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs: " + Arrays.toString(args));
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }
}
