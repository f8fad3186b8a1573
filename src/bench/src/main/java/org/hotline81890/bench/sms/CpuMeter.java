package org.hotline81890.bench.sms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time from /proc (Linux): the whole machine's busy time and one process's (with its children's threads), in
 * clock ticks of 10 ms, so a run can report CPU milliseconds per message. Other sessions' load counts in the
 * machine figure; the process figure is ours alone.
 */
final class CpuMeter {
    private static final double MS_PER_TICK = 10.0;
    private final long machine0;
    private final long process0;
    private final long pid;

    CpuMeter(long pid) {
        this.pid = pid;
        this.machine0 = machineBusy().orElse(0);
        this.process0 = processTicks(pid).orElse(0);
    }

    /** "CPU per MO: gateway X ms, machine Y ms" since construction, for {@code n} messages. */
    String perMessage(int n) {
        long machine = machineBusy().orElse(machine0) - machine0;
        long process = processTicks(pid).orElse(process0) - process0;
        return String.format("CPU per MO: %s %.3f ms, machine (all processes, both cores) %.3f ms",
                pid > 0 ? "process " + pid : "(no process)", process * MS_PER_TICK / n, machine * MS_PER_TICK / n);
    }

    private static OptionalLong machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return OptionalLong.of(busy);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong processTicks(long pid) {
        if (pid <= 0) {
            return OptionalLong.empty();
        }
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(f[11]) + Long.parseLong(f[12])); // utime, stime
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
