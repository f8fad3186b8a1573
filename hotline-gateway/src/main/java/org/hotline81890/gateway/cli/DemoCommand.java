package org.hotline81890.gateway.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.hotline81890.gateway.channel.http.AdminToken;
import org.hotline81890.gateway.demo.DayRun;
import org.hotline81890.gateway.demo.Demo;
import org.hotline81890.gateway.demo.DemoOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hotline demo}: the hotline alive, with simulated residents, agents and providers (see Demo). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the hotline on the embedded default with the Asterisk simulator, the SMSC simulator "
                + "(node, src/simulators/smsc), simulated residents and providers on the real channels, and five "
                + "demo logins it prints. Data under ./data/demo unless HOTLINE_DATA_DIR says otherwise.",
                "The simulated day: --day --requests 60000 --speed 720x sends one day's requests at the day's rhythm, "
                        + "drains, and prints the figures (--report FILE.md, --chart FILE.svg)."})
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--rate", defaultValue = "2/s", description = "new requests per real second on average over the "
            + "day (2/s, 120/min); the simulated hour shapes it (default ${DEFAULT-VALUE})")
    String rate;
    @Option(names = "--speed", defaultValue = "60x", description = "simulated time per real time (default "
            + "${DEFAULT-VALUE})")
    String speed;
    @Option(names = "--start", paramLabel = "HH:MM", description = "simulated Beijing time to start at today "
            + "(default: now; with --day: 00:00, and a later start sends only the day's arrivals from then on)")
    LocalTime start;
    @Option(names = "--requests", description = "stop sending after this many requests")
    Integer requests;
    @Option(names = "--for", paramLabel = "DURATION", description = "stop after this real time, e.g. 10m (default: "
            + "until Ctrl-C); with --day: stop sending then, drain and report (a day cut short)")
    String runFor;
    @Option(names = "--day", description = "the simulated day: --requests over one day from 00:00, then drain and "
            + "report")
    boolean day;
    @Option(names = "--drain-speed", defaultValue = "3000x", description = "speed after the day's last request "
            + "(default ${DEFAULT-VALUE})")
    String drainSpeed;
    @Option(names = "--unsatisfied", defaultValue = "5", description = "percent of first survey answers that are "
            + "不满意 (default ${DEFAULT-VALUE})")
    double unsatisfied;
    @Option(names = "--seed", defaultValue = "81890", description = "random seed of the simulated people")
    long seed;
    @Option(names = "--smsc-dir", defaultValue = "src/simulators/smsc", description = "the node SMSC simulator")
    Path smscDir;
    @Option(names = "--report", paramLabel = "FILE.md", description = "--day: write the figures' table here")
    Path report;
    @Option(names = "--chart", paramLabel = "FILE.svg", description = "--day: write the day's chart here")
    Path chart;
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        // --day --start HH:MM: the day's own arrivals from that time on (e.g. only its morning peak, with --for).
        Instant origin = day && start == null ? today.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant()
                : start == null ? Instant.now() : today.atTime(start).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toInstant();
        DemoOptions options = new DemoOptions(DemoOptions.parseRate(rate), DemoOptions.parseSpeed(speed), origin,
                Optional.ofNullable(requests), Optional.ofNullable(runFor).map(DemoCommand::duration), day,
                DemoOptions.parseSpeed(drainSpeed), seed, !day, unsatisfied / 100);
        Demo demo = Demo.start(options, config.file(), System.getenv(), smscDir, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "demo-shutdown"));
        demo.describe(System.out, "localhost", AdminToken.stdoutIsTerminal());
        if (day) {
            return DayRun.run(demo, options, Optional.ofNullable(report), Optional.ofNullable(chart), System.out);
        }
        if (options.runFor().isPresent()) {
            Thread.sleep(options.runFor().get().toMillis());
            System.out.println("demo done: " + demo.sent() + " requests; " + demo.counts());
            return 0;
        }
        new CountDownLatch(1).await();
        return 0;
    }

    static Duration duration(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        long n = Long.parseLong(t.replaceAll("[a-z]+$", ""));
        return switch (t.replaceAll("^[0-9]+", "")) {
            case "s" -> Duration.ofSeconds(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("--for takes 30s, 10m or 2h: " + text);
        };
    }
}
