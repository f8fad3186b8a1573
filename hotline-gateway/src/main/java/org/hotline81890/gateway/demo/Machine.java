package org.hotline81890.gateway.demo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * What a run costs the machine: CPU time of this process and its children (the embedded MariaDB, the node SMSC),
 * the largest resident memory they held together and the largest Java heap in use, sampled every second.
 */
final class Machine implements AutoCloseable {
    private final long startNanos = System.nanoTime();
    private final Duration cpuAtStart = cpu();
    private final Thread sampler;
    private volatile long peakRssKb;
    private volatile long peakHeapBytes;
    private volatile boolean running = true;

    Machine() {
        sampler = Thread.ofPlatform().daemon().name("demo-machine").start(this::sample);
    }

    private void sample() {
        while (running) {
            peakRssKb = Math.max(peakRssKb, processes().mapToLong(Machine::rssKb).sum());
            peakHeapBytes = Math.max(peakHeapBytes,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Stream<ProcessHandle> processes() {
        return Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants());
    }

    private static Duration cpu() {
        return processes().map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static long rssKb(ProcessHandle p) {
        try {
            return Files.readAllLines(Path.of("/proc/" + p.pid() + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU seconds used per wall-clock second since the start (1.0 = one core busy). */
    double coresBusy() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        return (cpu().minus(cpuAtStart).toMillis() / 1000.0) / wall;
    }

    double wallSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    long peakRssMb() {
        return peakRssKb / 1024;
    }

    long peakHeapMb() {
        return peakHeapBytes / (1024 * 1024);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
