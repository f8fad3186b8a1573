package org.hotline81890.directory.match;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline81890.directory.AreaTree;
import org.hotline81890.directory.Directory;
import org.hotline81890.directory.LabelledExample;
import org.hotline81890.directory.load.AreaLoader;
import org.hotline81890.directory.load.ExampleLoader;
import org.hotline81890.directory.semantic.BgeSmallZh;
import org.hotline81890.directory.semantic.SentenceEncoder;
import org.hotline81890.directory.semantic.VectorCache;

/**
 * Where the trained matcher lives: {@code model/combiner.tsv} (weights) and {@code model/vectors.bin} (the
 * examples' sentence vectors, so start-up need not run the model over each) next to the directory data, on the
 * classpath ({@code directory/model/}) or in a folder laid out like config/directory.
 */
public final class MatcherFiles {
    public static final String WEIGHTS = "model/combiner.tsv";
    public static final String VECTORS = "model/vectors.bin";

    private MatcherFiles() {
    }

    /** The shipped matcher (shared sentence model), or empty when no trained model is shipped. */
    public static Optional<SemanticMatcher> loadDefault(Directory directory) {
        return loadDefault(directory, List.of());
    }

    /** The shipped matcher, with extra examples (the agents' confirmed corrections) in its memory. */
    public static Optional<SemanticMatcher> loadDefault(Directory directory, List<LabelledExample> extra) {
        Optional<MatcherModel> model = MatcherModel.loadDefault();
        if (model.isEmpty()) {
            return Optional.empty();
        }
        SentenceEncoder encoder = BgeSmallZh.shared();
        VectorCache cache = readCache(MatcherFiles.class.getClassLoader().getResourceAsStream("directory/" + VECTORS),
                encoder.dimension());
        List<LabelledExample> examples = new ArrayList<>(ExampleLoader.loadDefault(directory));
        examples.addAll(extra);
        return Optional.of(SemanticMatcher.create(directory, examples, encoder, cache, model.get(),
                AreaLoader.loadDefault()));
    }

    /**
     * The keyword and pinyin stage alone ({@code hotline match --keywords-only}, a comparison tool), reading the text
     * the whole matcher reads: control characters dropped, the places of {@code areas} set aside (ADR 0051).
     */
    public static Matcher keywordsOnly(Directory directory, AreaTree areas) {
        TextMatcher keywords = new TextMatcher(directory);
        PlaceNames places = PlaceNames.of(areas, word -> !keywords.evidence(word).ranked().isEmpty());
        return text -> keywords.match(places.setAside(InputGuard.clean(text)));
    }

    /** The matcher trained in a folder laid out like config/directory, or empty without {@code model/}. */
    public static Optional<SemanticMatcher> load(Path folder, Directory directory) {
        Path weights = folder.resolve(WEIGHTS);
        if (!Files.isRegularFile(weights)) {
            return Optional.empty();
        }
        try {
            MatcherModel model = MatcherModel.parse(Files.readAllLines(weights, StandardCharsets.UTF_8));
            SentenceEncoder encoder = BgeSmallZh.shared();
            VectorCache cache = readCache(folder.resolve(VECTORS), encoder.dimension());
            return Optional.of(SemanticMatcher.create(directory, ExampleLoader.load(folder, directory), encoder,
                    cache, model, AreaLoader.load(folder)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trains on the folder's examples plus {@code extra}, and writes the model files into the folder. */
    public static MatcherTraining.Trained train(Path folder, Directory directory, List<LabelledExample> extra)
            throws IOException {
        SentenceEncoder encoder = BgeSmallZh.shared();
        VectorCache cache = readCache(folder.resolve(VECTORS), encoder.dimension());
        List<LabelledExample> examples = new ArrayList<>(ExampleLoader.load(folder, directory));
        examples.addAll(extra);
        MatcherTraining.Trained trained = MatcherTraining.train(directory, examples, encoder, cache);
        Files.createDirectories(folder.resolve("model"));
        Files.write(folder.resolve(WEIGHTS), trained.model().lines(), StandardCharsets.UTF_8);
        List<String> keep = new ArrayList<>(SemanticMatcher.descriptions(directory));
        keep.addAll(LatinNearest.descriptions(directory));
        cache.vectorsOf(LatinNearest.descriptions(directory), encoder);
        ExampleLoader.load(folder, directory).forEach(e -> keep.add(InputGuard.clean(e.text())));
        try (OutputStream out = Files.newOutputStream(folder.resolve(VECTORS))) {
            cache.write(out, keep);
        }
        return trained;
    }

    private static VectorCache readCache(Path file, int dimension) throws IOException {
        if (!Files.isRegularFile(file)) {
            return VectorCache.empty(dimension);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return VectorCache.read(in);
        }
    }

    private static VectorCache readCache(InputStream in, int dimension) {
        if (in == null) {
            return VectorCache.empty(dimension);
        }
        try (in) {
            return VectorCache.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
