package org.hotline81890.simulators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import org.hotline81890.simulators.agi.AgiCallResult;
import org.hotline81890.simulators.agi.AgiCallSimulator;
import org.hotline81890.simulators.agi.AgiCallSpec;
import org.hotline81890.simulators.agi.CallerScript;
import org.hotline81890.simulators.ami.AmiServerConfig;
import org.hotline81890.simulators.ami.AmiServerSimulator;

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
            answerFromConsole(rang);
        } else if (opt.containsKey("agi")) {
            String[] hp = opt.get("agi").split(":");
            fire(hp[0], Integer.parseInt(hp[1]), Integer.parseInt(opt.getOrDefault("calls", "1")),
                    opt.getOrDefault("script", "intake"), opt.getOrDefault("digits", ""),
                    Duration.ofMillis(Long.parseLong(opt.getOrDefault("prompt-ms", "0"))));
        }
        if (ami != null) {
            System.out.println("AMI simulator running; Ctrl-C to stop");
            new CountDownLatch(1).await();
        }
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
