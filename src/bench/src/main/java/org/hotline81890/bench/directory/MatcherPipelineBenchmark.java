package org.hotline81890.bench.directory;

import java.util.concurrent.TimeUnit;

import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.directory.match.MatchResult;
import org.hotline81890.directory.match.MatcherFiles;
import org.hotline81890.directory.match.SemanticMatcher;
import org.hotline81890.directory.semantic.BgeSmallZh;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of the whole matcher ({@link SemanticMatcher#match}: rules, keyword stage, sentence model on one ONNX
 * Runtime thread, nearest examples, combiner, type model) and of the sentence model alone, on one thread, for the
 * same varied texts as {@link TextMatcherBenchmark} plus bad input. Run: see service-directory/README.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(1)
@Fork(value = 1, jvmArgs = {"--enable-native-access=ALL-UNNAMED"})
public class MatcherPipelineBenchmark {
    static final String[] TEXTS = concat(TextMatcherBenchmark.TEXTS, new String[] {
        "孙子礼拜六要来住两天 家里床不够睡",
        "",
        "😀😀😀",
        "13800138000",
        "楼上漏水".repeat(2_500),
    });

    private SemanticMatcher matcher;
    private BgeSmallZh model;
    private int next;

    @Setup
    public void setUp() {
        matcher = MatcherFiles.loadDefault(DirectoryLoader.loadDefault()).orElseThrow();
        model = BgeSmallZh.shared();
    }

    @Benchmark
    public MatchResult wholePipeline() {
        next = (next + 1) % TEXTS.length;
        return matcher.match(TEXTS[next]);
    }

    @Benchmark
    public float[] sentenceModelOnly() {
        next = (next + 1) % TextMatcherBenchmark.TEXTS.length;
        return model.encode(TextMatcherBenchmark.TEXTS[next]);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
