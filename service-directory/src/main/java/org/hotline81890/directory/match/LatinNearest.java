package org.hotline81890.directory.match;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.Keyword;
import org.hotline81890.directory.LabelledExample;
import org.hotline81890.directory.Service;
import org.hotline81890.directory.semantic.ExampleMemory;
import org.hotline81890.directory.semantic.Vectors;

/**
 * For Latin-script text (English, pinyin), which the keyword and pinyin stage decides: the services nearest to the
 * text in the sentence model, by each service's English name and phrases ({@code en:}) and by its Latin-script
 * examples, never by Chinese text (the Chinese model does not line English up with Chinese). It fills the top three
 * behind the keyword answer, and answers, sent to an agent, when the text has no data word at all but is clearly
 * nearer to a service than to any labelled non-request (ADR 0017).
 */
final class LatinNearest {
    /** The nearest service must be at least this similar... */
    static final double FLOOR = 0.70;
    /** ...and this much more similar than the nearest Latin-script non-request, to answer without a data word. */
    static final double MARGIN = 0.05;

    private final List<Service> services;
    private final float[][] english;
    private final ExampleMemory memory;
    private final SemanticStage stage;

    LatinNearest(Directory directory, float[][] english, ExampleMemory memory, SemanticStage stage) {
        this.services = directory.services();
        this.english = english;
        this.memory = memory;
        this.stage = stage;
    }

    /** What the sentence model is given for each service: "English name: phrase, phrase, …". */
    static List<String> descriptions(Directory directory) {
        return directory.services().stream().map(s -> s.nameEn() + ": " + s.keywords().stream()
                .filter(k -> k.kind() == Keyword.Kind.ENGLISH).map(Keyword::text)
                .collect(Collectors.joining(", "))).toList();
    }

    /** A service and why: its nearest Latin-script example, or its English description. */
    record Near(Service service, double similarity, MatchReason reason) {
        Match match() {
            return new Match(service, Math.round(similarity * 1000) / 1000.0, List.of(reason));
        }
    }

    /** Services best first, and the similarity of the nearest Latin-script non-request. */
    record Ranking(List<Near> services, double none) {
        /** Clearly a request for the first service, though no data word was found. */
        boolean answers() {
            return !services.isEmpty() && services.get(0).similarity() >= FLOOR
                    && services.get(0).similarity() >= none + MARGIN;
        }
    }

    Ranking rank(float[] vector) {
        int n = services.size();
        double[] best = new double[n];
        MatchReason[] why = new MatchReason[n];
        for (int s = 0; s < n; s++) {
            best[s] = Vectors.dot(vector, english[s]);
            why[s] = MatchReason.description(services.get(s).nameEn(), services.get(s).code(), round(best[s]));
        }
        double none = 0;
        ExampleMemory.Similarities sims = memory.similarities(vector);
        List<LabelledExample> examples = sims.examples();
        float[] values = sims.values();
        for (int e = 0; e < values.length; e++) {
            LabelledExample example = examples.get(e);
            if (!InputGuard.latin(example.text())) {
                continue;
            }
            int s = stage.labelIndex(example);
            if (s < 0) {
                none = Math.max(none, values[e]);
            } else if (values[e] > best[s]) {
                best[s] = values[e];
                why[s] = MatchReason.example(example.text(), services.get(s).code(), round(values[e]));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            order.add(s);
        }
        order.sort((a, b) -> Double.compare(best[b], best[a]));
        List<Near> out = new ArrayList<>();
        for (int i = 0; i < 10 && i < n; i++) {
            int s = order.get(i);
            out.add(new Near(services.get(s), best[s], why[s]));
        }
        return new Ranking(out, none);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
