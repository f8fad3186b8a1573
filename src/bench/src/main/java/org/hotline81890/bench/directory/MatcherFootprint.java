package org.hotline81890.bench.directory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.directory.match.MatchResult;
import org.hotline81890.directory.match.MatcherFiles;
import org.hotline81890.directory.match.SemanticMatcher;
import org.hotline81890.directory.semantic.BgeSmallZh;

/**
 * Start-up cost and memory of the trained matcher, and how often the sentence model is skipped (Latin script,
 * nothing to match) on the texts of a TSV file: {@code java -cp hotline-bench.jar
 * org.hotline81890.bench.directory.MatcherFootprint [FILE.tsv]}.
 */
public final class MatcherFootprint {
    private MatcherFootprint() {
    }

    public static void main(String[] args) throws IOException {
        Directory directory = DirectoryLoader.loadDefault();
        long heap0 = usedHeap();
        long rss0 = rss();
        long t0 = System.nanoTime();
        BgeSmallZh.shared();
        long t1 = System.nanoTime();
        SemanticMatcher matcher = MatcherFiles.loadDefault(directory).orElseThrow();
        long t2 = System.nanoTime();
        long heap = usedHeap() - heap0;
        long rss = rss() - rss0;
        System.out.printf(Locale.ROOT, "model load %.0f ms, matcher build (%d examples) %.0f ms%n",
                (t1 - t0) / 1e6, matcher.examples(), (t2 - t1) / 1e6);
        System.out.printf(Locale.ROOT, "heap +%.1f MB, resident +%.1f MB (native ~%.1f MB)%n", heap / 1e6, rss / 1e6,
                (rss - heap) / 1e6);
        if (args.length > 0) {
            List<String> lines = Files.readAllLines(Path.of(args[0]));
            int skipped = 0;
            int n = 0;
            for (String line : lines.subList(1, lines.size())) {
                MatchResult r = matcher.match(line.split("\t", -1)[0]);
                n++;
                skipped += r.notes().stream().anyMatch(s -> s.startsWith("latin") || s.startsWith("no words")) ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "sentence model skipped for %d of %d texts (%.1f %%)%n", skipped, n,
                    100.0 * skipped / Math.max(1, n));
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
