package org.hotline81890.bench.directory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.directory.match.MatcherFiles;
import org.hotline81890.directory.match.SemanticMatcher;

/**
 * Is a slow match the machine or the code? Matches the texts of a TSV file (first column) on one thread, warmed,
 * and prints the percentiles of three figures per request: wall time (what JMH measures), the thread's CPU time
 * (what the request costs a core: on an idle core the two agree) and the bytes it allocates. When the wall time's
 * tail is far above the CPU time's, the request was waiting for a core, not working. {@code java
 * --enable-native-access=ALL-UNNAMED -cp hotline-bench.jar org.hotline81890.bench.directory.MatcherCpuTime FILE.tsv
 * [ROUNDS]}; {@code --pipeline-texts} instead of a file takes the 21 texts of {@link MatcherPipelineBenchmark}.
 */
public final class MatcherCpuTime {
    private MatcherCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        SemanticMatcher matcher = MatcherFiles.loadDefault(DirectoryLoader.loadDefault()).orElseThrow();
        List<String> texts = new ArrayList<>();
        if (args[0].equals("--pipeline-texts")) {
            texts.addAll(List.of(MatcherPipelineBenchmark.TEXTS));
        } else {
            List<String> lines = Files.readAllLines(Path.of(args[0]));
            for (String line : lines.subList(1, lines.size())) {
                texts.add(line.split("\t", -1)[0]);
            }
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().threadId();
        for (int w = 0; w < 2; w++) {
            texts.forEach(matcher::match);
        }
        int n = texts.size() * rounds;
        long[] wall = new long[n];
        long[] cpu = new long[n];
        long[] bytes = new long[n];
        int i = 0;
        for (int r = 0; r < rounds; r++) {
            for (String text : texts) {
                long b0 = threads.getThreadAllocatedBytes(me);
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                matcher.match(text);
                wall[i] = System.nanoTime() - w0;
                cpu[i] = threads.getCurrentThreadCpuTime() - c0;
                bytes[i] = threads.getThreadAllocatedBytes(me) - b0;
                i++;
            }
        }
        System.out.printf(Locale.ROOT, "%d matches of %d texts, load average %.1f on %d cores%n", n, texts.size(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        print("wall time (ms)", wall, 1e6);
        print("thread CPU time (ms)", cpu, 1e6);
        print("allocated (KB)", bytes, 1e3);
    }

    private static void print(String what, long[] values, double unit) {
        long[] v = values.clone();
        Arrays.sort(v);
        System.out.printf(Locale.ROOT, "%-22s p50 %8.2f  p90 %8.2f  p99 %8.2f  max %8.2f%n", what,
                v[v.length / 2] / unit, v[v.length * 9 / 10] / unit, v[v.length * 99 / 100] / unit,
                v[v.length - 1] / unit);
    }
}
