package org.hotline81890.bench.voice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The gateway side of the warm-up handshake with {@link VoiceCallDriver}: echoes the driver's output and, after each
 * warm-up round, answers "again" while this JVM's JIT compiler is still busy (more than {@code settledMs} of
 * compilation during the round) and "load" once it has settled or after {@code maxRounds}. A gateway that has run
 * for a while has compiled its call path; a load measured while C2 still compiles it measures the warm-up, not the
 * gateway (on 2 cores the compiler threads took more CPU than the calls in the first seconds).
 */
final class DriverConsole {
    static final String ROUND_DONE = "driver: warm-up round done";
    static final String LOAD_STARTS = "driver: warm-up done";
    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private final long settledMs;
    private final int maxRounds;
    private final Runnable onLoad;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile long compileAtLoad = -1;

    DriverConsole(long settledMs, int maxRounds, Runnable onLoad) {
        this.settledMs = settledMs;
        this.maxRounds = maxRounds;
        this.onLoad = onLoad;
    }

    /** Reads the driver's stdout on a daemon thread, answering its rounds on its stdin. */
    DriverConsole attach(Process driver, PrintStream out) {
        Thread.ofPlatform().daemon().name("driver-console").start(() -> {
            try {
                follow(driver, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                finished.countDown();
            }
        });
        return this;
    }

    private void follow(Process driver, PrintStream out) throws IOException {
        Writer answers = driver.outputWriter(StandardCharsets.UTF_8);
        BufferedReader lines = new BufferedReader(new InputStreamReader(driver.getInputStream(),
                StandardCharsets.UTF_8));
        long before = jit.getTotalCompilationTime();
        int round = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            out.println(line);
            if (line.startsWith(ROUND_DONE)) {
                round++;
                long now = jit.getTotalCompilationTime();
                boolean settled = now - before <= settledMs;
                out.printf("gateway: warm-up round %d, JIT compiled for %d ms%s%n", round, now - before,
                        settled ? " (settled)" : round >= maxRounds ? " (not settled; round limit)" : "");
                before = now;
                boolean again = !settled && round < maxRounds;
                if (!again) {
                    compileAtLoad = jit.getTotalCompilationTime();
                    onLoad.run();
                }
                answers.write(again ? "again\n" : "load\n");
                answers.flush();
            }
        }
    }

    /** Waits for the driver's output to end; then the JIT time spent since the load started, in ms. */
    long compileMsDuringLoad() throws InterruptedException {
        finished.await();
        return compileAtLoad < 0 ? -1 : jit.getTotalCompilationTime() - compileAtLoad;
    }
}
