package org.hotline81890.gateway.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.hotline81890.gateway.workorder.WorkOrderState;

/**
 * The simulated day: every request of one day at the curve's pace, then the rest of the work (providers finish,
 * residents answer surveys, unanswered surveys close) at the drain speed, then the figures from the hotline's own
 * records, printed and written as a Markdown table and an SVG chart.
 */
public final class DayRun {
    /** The longest drain: past the longest fallback promise (sla.complete-within, 10 days) with room to spare. */
    static final Duration MAX_DRAIN = Duration.ofDays(14);
    private DayRun() {
    }

    /** Runs to the end; the exit code is 0 when every order was tracked to an end (closed or with 督办). */
    public static int run(Demo demo, DemoOptions o, Optional<Path> report, Optional<Path> chart, PrintStream out)
            throws IOException, InterruptedException {
        Machine machine = new Machine();
        Instant dayEnd = o.start().plus(Duration.ofDays(1));
        long lastPrint = 0;
        // --for cuts the day short (e.g. 12m at 60x: midnight to noon, the morning peak at the day's own rate).
        long cutAt = o.runFor().map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        while ((demo.sent() < demo.planned() || demo.clock().instant().isBefore(dayEnd)) && System.nanoTime() < cutAt) {
            Thread.sleep(1000);
            lastPrint = progress(demo, out, lastPrint, "day");
        }
        if (System.nanoTime() >= cutAt) {
            demo.stopResidents();
            out.printf(Locale.ROOT, "[day] cut by --for at simulated %s after %d requests%n",
                    demo.clock().instant().atZone(DayCurve.BEIJING).toLocalDateTime().withNano(0), demo.sent());
        }
        demo.clock().setSpeed(o.drainSpeed());
        lastPrint = drain(demo, out, lastPrint);
        // Give the scheduler a moment of real time to fire what came due at the very end.
        Thread.sleep(3000);
        machine.close();
        // The report reads the hotline at 1x: at the drain's speed the reading itself (minutes for 60,000 orders)
        // would be days of simulated deadlines firing under it.
        demo.clock().setSpeed(1);
        DayReport.Figures f = demo.figures(o.start());
        String table = table(f, o, machine, demo);
        out.println(table);
        if (report.isPresent()) {
            Files.writeString(report.get(), table, StandardCharsets.UTF_8);
        }
        if (chart.isPresent()) {
            Files.writeString(chart.get(), DayChart.svg(f, String.format(Locale.ROOT,
                    "模拟一天：%,d 件诉求（%s，%.0fx 压缩时间）", f.orders().size(), "宁波81890 海曙区样例网络",
                    o.speed())), StandardCharsets.UTF_8);
        }
        return f.count(x -> OpenOrders.open(x.state())) == 0 ? 0 : 1;
    }

    /**
     * The rest of the work at the drain's speed: while the simulated people have answers to give, and then while the
     * hotline itself has a step to take on an open order (a respond-by that escalates, a survey wait that closes as
     * no reply), at most {@link #MAX_DRAIN} of simulated time. What is still open after it is reported with why.
     */
    private static long drain(Demo demo, PrintStream out, long lastPrint) throws InterruptedException {
        Instant drainEnd = demo.clock().instant().plus(MAX_DRAIN);
        long last = lastPrint;
        while (demo.clock().instant().isBefore(drainEnd)) {
            if (demo.pending() == 0) {
                Optional<Instant> due = demo.latestDueAfter(demo.clock().instant());
                if (due.isEmpty()) {
                    return last;
                }
                if (System.nanoTime() - last >= 10_000_000_000L) {
                    out.printf(Locale.ROOT, "[drain] people done; the hotline's own deadlines run until %s%n",
                            due.get().atZone(DayCurve.BEIJING).toLocalDateTime().withNano(0));
                }
            }
            Thread.sleep(1000);
            last = progress(demo, out, last, "drain");
        }
        out.printf(Locale.ROOT, "[drain] stopped after %d simulated days with work left%n", MAX_DRAIN.toDays());
        return last;
    }

    private static long progress(Demo demo, PrintStream out, long last, String phase) {
        long now = System.nanoTime();
        if (now - last < 10_000_000_000L) {
            return last;
        }
        out.printf(Locale.ROOT, "[%s] simulated %s, sent %d, pending actions %d%n", phase,
                demo.clock().instant().atZone(DayCurve.BEIJING).toLocalDateTime().withNano(0), demo.sent(),
                demo.pending());
        return now;
    }

    static String table(DayReport.Figures f, DemoOptions o, Machine m, Demo demo) {
        long n = f.orders().size();
        long closed = f.count(x -> x.state() == WorkOrderState.CLOSED || x.state() == WorkOrderState.CANCELLED);
        long escalated = f.count(x -> x.state() == WorkOrderState.ESCALATED);
        long unsatisfied = f.orders().stream().mapToLong(DayReport.Order::unsatisfied).sum();
        long reopened = f.orders().stream().mapToLong(DayReport.Order::reopened).sum();
        StringBuilder s = new StringBuilder();
        s.append("| figure | value |\n|---|---|\n");
        row(s, "requests (phone / web / SMS)", String.format(Locale.ROOT, "%,d (%,d / %,d / %,d); %d without a "
                        + "readable order", n, f.count(x -> x.channel().equals("phone")),
                f.count(x -> x.channel().equals("web")), f.count(x -> x.channel().equals("sms")), f.missing()));
        row(s, "matched by the directory (dispatched without an agent)", pct(f.count(DayReport.Order::matched), n));
        row(s, "offered to a provider within 5 min (of matched; goal ≥ 99 %)", String.format(Locale.ROOT,
                "%.2f %%", 100 * f.offeredWithinGoal()));
        long held = f.count(x -> x.matched() && x.heldUntil().isPresent());
        row(s, "… of matched orders that had a provider open to answer", String.format(Locale.ROOT,
                "%.2f %% (of %,d; %,d more escalated with no provider for them at all)",
                100 * f.offeredWithinGoalWhenOpen(), f.count(DayReport.Order::hadProviderOpen),
                f.count(x -> x.matched() && x.noProvider())));
        double[] phone = f.offeredWithinGoalWhenOpenBy("phone");
        row(s, "… of those, phone orders: from the need told (ADR 0053) / from the call's arrival (talk counted)",
                String.format(Locale.ROOT, "%.2f %% / %.2f %% (of %,d)", 100 * phone[0], 100 * phone[1],
                        f.count(x -> x.hadProviderOpen() && x.channel().equals("phone"))));
        Instant dayEnd = o.start().plus(Duration.ofDays(1));
        row(s, "… held for a provider's opening hours (night/weekend policy), offered within 5 min of the opening",
                String.format(Locale.ROOT, "%.2f %% (of %,d held); %.2f %% of the %,d whose opening came within the "
                        + "day (the others' came during the drain)", 100 * f.heldOfferedWithinGoalOfOpening(), held,
                        100 * f.heldOfferedWithinGoalOfOpeningBefore(dayEnd),
                        f.count(x -> DayReport.Figures.heldBefore(x, dayEnd))));
        row(s, "dispatch time, promise's start → first offer, p50 / p99", f.dispatchPercentile(0.5)
                .map(DayChart::minutes).orElse("-") + " / " + f.dispatchPercentile(0.99).map(DayChart::minutes)
                .orElse("-"));
        java.util.function.Predicate<DayReport.Order> late = x -> x.hadProviderOpen() && !x.offeredInTime();
        row(s, "… of those with a provider open: offered after 5 min, dispatch p50 / p99", String.format(Locale.ROOT,
                "%,d: %s / %s", f.count(x -> late.test(x) && x.toOffer().isPresent()),
                f.dispatchPercentile(0.5, late).map(DayChart::minutes).orElse("-"),
                f.dispatchPercentile(0.99, late).map(DayChart::minutes).orElse("-")));
        row(s, "tracked to an end: closed (goal 100 %)", pct(closed, n));
        row(s, "tracked to an end: with 督办 (escalated, no provider took it)", pct(escalated, n));
        row(s, "still open", pct(n - closed - escalated, n) + " " + openStates(f));
        OpenOrders.byReason(f.orders(), f.readAt()).forEach((state, reasons) -> row(s, "… still " + state
                + ", by why", reasons.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue()
                .reversed()).limit(8).map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey()))
                .collect(java.util.stream.Collectors.joining("; "))));
        row(s, "unsatisfied survey answers / reopened", unsatisfied + " / " + reopened
                + (unsatisfied == reopened ? " (every one reopened)" : " (NOT all reopened)"));
        row(s, "响应率 / 解决率 / 满意率 (hotline KPIs)", rate(f, "response") + " / " + rate(f, "resolution") + " / "
                + rate(f, "satisfaction"));
        row(s, "simulated providers' answers", demo.counts().toString());
        row(s, "run", String.format(Locale.ROOT, "%.0f s wall at %.0fx (drain at %.0fx); CPU %.2f cores busy "
                        + "(gateway + MariaDB + SMSC); peak RSS %d MB, peak Java heap %d MB",
                m.wallSeconds(), o.speed(), o.drainSpeed(), m.coresBusy(), m.peakRssMb(), m.peakHeapMb()));
        return s.toString();
    }

    private static String openStates(DayReport.Figures f) {
        java.util.Map<WorkOrderState, Long> by = new java.util.EnumMap<>(WorkOrderState.class);
        f.orders().stream().filter(x -> OpenOrders.open(x.state())).forEach(x -> by.merge(x.state(), 1L, Long::sum));
        return by.isEmpty() ? "" : by.toString();
    }

    private static String rate(DayReport.Figures f, String name) {
        return f.rate(name).map(v -> String.format(Locale.ROOT, "%.1f %%", 100 * v)).orElse("-");
    }

    private static String pct(long part, long of) {
        return String.format(Locale.ROOT, "%,d (%.2f %%)", part, of == 0 ? 0.0 : 100.0 * part / of);
    }

    private static void row(StringBuilder s, String what, String value) {
        s.append("| ").append(what).append(" | ").append(value.replace("|", "/")).append(" |\n");
    }
}
