package org.hotline81890.directory.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.LabelledExample;
import org.hotline81890.directory.Service;
import org.hotline81890.directory.semantic.ExampleMemory;
import org.hotline81890.directory.semantic.SentenceEncoder;
import org.hotline81890.directory.semantic.VectorCache;

/**
 * Trains the combiner and the type model on labelled examples. Each example is matched against all the others
 * (leave-one-out: its own vector and near-identical copies are left out of its nearest examples), so the weights
 * learn how far a new text's neighbours can be trusted. The confidence below which an agent is asked is the
 * lowest at which the leave-one-out answers with that confidence or more are right {@link #TARGET_PRECISION} of
 * the time.
 */
public final class MatcherTraining {
    static final double TARGET_PRECISION = 0.9;
    private static final double L2 = 1e-3;
    private static final int ITERATIONS = 1000;

    private MatcherTraining() {
    }

    /** The trained model and the leave-one-out figures (Chinese examples), for the report. */
    public record Trained(MatcherModel model, int examples, double top1, double type, double asked) {
        public String summary() {
            return String.format(Locale.ROOT, "examples=%d leave-one-out top1=%.3f type=%.3f ask-agent=%.3f below=%.2f",
                    examples, top1, type, asked, model.askBelow());
        }
    }

    public static Trained train(Directory directory, List<LabelledExample> examples, SentenceEncoder encoder,
                                VectorCache cache) {
        List<String> texts = examples.stream().map(e -> InputGuard.clean(e.text())).toList();
        ExampleMemory memory = new ExampleMemory(encoder.dimension());
        List<float[]> vectors = cache.vectorsOf(texts, encoder);
        memory.addAll(examples, vectors);
        float[][] protos = cache.vectorsOf(SemanticMatcher.descriptions(directory), encoder).toArray(new float[0][]);
        SemanticStage stage = new SemanticStage(directory, protos, memory);
        TextMatcher keywords = new TextMatcher(directory);
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            String text = texts.get(i);
            evidence.add(stage.evidence(keywords.evidence(text), InputGuard.latin(text), text, vectors.get(i), i));
        }
        List<Softmax.Item> items = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (!evidence.get(i).latin()) {
                items.add(item(evidence.get(i), stage.labelIndex(examples.get(i))));
            }
        }
        Combiner combiner = new Combiner(Softmax.fit(items, Combiner.FEATURES.size(), L2, ITERATIONS));
        List<Softmax.Item> typeItems = new ArrayList<>();
        List<Combiner.Ranked> tops = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (evidence.get(i).latin()) {
                tops.add(null);
                continue;
            }
            Combiner.Ranked top = combiner.rank(evidence.get(i)).get(0);
            tops.add(top);
            Service first = top.candidate() == Combiner.NONE ? null : directory.services().get(top.candidate());
            double[] x = TypeModel.inputs(evidence.get(i), first,
                    first == null ? null : stage.typeShare(top.candidate()));
            typeItems.add(new Softmax.Item(TypeModel.classes(x), Evidence.typeIndex(examples.get(i).type())));
        }
        TypeModel types = new TypeModel(Softmax.fit(typeItems, TypeModel.dims(), L2, ITERATIONS));
        return report(directory, examples, stage, evidence, tops, combiner, types);
    }

    private static Trained report(Directory directory, List<LabelledExample> examples, SemanticStage stage,
                                  List<Evidence> evidence, List<Combiner.Ranked> tops, Combiner combiner,
                                  TypeModel types) {
        List<Integer> han = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (tops.get(i) != null) {
                han.add(i);
            }
        }
        int n = han.size();
        boolean[] right = new boolean[n];
        double[] p = new double[n];
        int top1 = 0;
        int type = 0;
        for (int j = 0; j < n; j++) {
            int i = han.get(j);
            Combiner.Ranked top = tops.get(i);
            right[j] = top.candidate() == stage.labelIndex(examples.get(i));
            p[j] = top.probability();
            top1 += right[j] ? 1 : 0;
            Service first = top.candidate() == Combiner.NONE ? null : directory.services().get(top.candidate());
            type += Evidence.typeIndex(types.type(evidence.get(i), first,
                    first == null ? null : stage.typeShare(top.candidate())))
                    == Evidence.typeIndex(examples.get(i).type()) ? 1 : 0;
        }
        double below = askBelow(right, p);
        int asked = 0;
        for (double v : p) {
            asked += v < below ? 1 : 0;
        }
        MatcherModel model = new MatcherModel(combiner.weights(), types.weights(), below);
        return new Trained(model, n, top1 / (double) Math.max(1, n), type / (double) Math.max(1, n),
                asked / (double) Math.max(1, n));
    }

    /** The lowest confidence at which the answers at least that confident are right often enough. */
    static double askBelow(boolean[] right, double[] p) {
        for (double t = 0.0; t < 1.0; t += 0.01) {
            int kept = 0;
            int ok = 0;
            for (int i = 0; i < p.length; i++) {
                if (p[i] >= t) {
                    kept++;
                    ok += right[i] ? 1 : 0;
                }
            }
            if (kept == 0 || ok >= TARGET_PRECISION * kept) {
                return Math.round(t * 100) / 100.0;
            }
        }
        return 1.0;
    }

    /** The combiner's candidates for one example, the right one added when the candidates missed it. */
    private static Softmax.Item item(Evidence ev, int label) {
        List<Integer> candidates = new ArrayList<>(Combiner.candidates(ev));
        if (!candidates.contains(label)) {
            candidates.add(label);
        }
        double[][] f = new double[candidates.size()][];
        for (int c = 0; c < f.length; c++) {
            f[c] = Combiner.features(ev, candidates.get(c));
        }
        return new Softmax.Item(f, candidates.indexOf(label));
    }
}
