package org.hotline81890.gateway.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.LabelledExample;
import org.hotline81890.directory.eval.Evaluation;
import org.hotline81890.directory.eval.EvaluationReport;
import org.hotline81890.directory.load.AreaLoader;
import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.directory.load.ExampleLoader;
import org.hotline81890.directory.match.Matcher;
import org.hotline81890.directory.match.MatcherFiles;
import org.hotline81890.directory.match.MatcherTraining;
import org.hotline81890.directory.match.TextMatcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hotline match}: one line out per line in (UTF-8), {@code CODE,CODE,CODE<TAB>type} or {@code NONE<TAB>type};
 * with {@code --eval FILE.tsv}, the dev-set figures, last line {@code top1=… top3=… type=…}. Nothing else on stdout.
 * {@code --train} retrains the combiner on the examples (and confirmed corrections) and writes its files.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Match request texts from standard input (one per line, UTF-8) to services.",
            "Prints the top three service codes (or NONE), a tab, and the request type, one line per input line.",
            "With --eval FILE.tsv, prints top-1, top-3, NONE precision/recall/F1 and request-type accuracy instead.",
            "With --train, retrains the combiner on DIR/examples (default config/directory) plus --corrections,",
            "writes DIR/model/combiner.tsv and DIR/model/vectors.bin, and prints the leave-one-out figures."})
public final class MatchCommand implements Callable<Integer> {

    @Option(names = "--eval", paramLabel = "FILE.tsv",
            description = "Evaluate on a labelled file in the dev-set format (text, expected_codes, request_type).")
    Path evalFile;

    @Option(names = "--directory", paramLabel = "DIR",
            description = "Load the directory (with its examples and model) from this folder, not the built-in one.")
    Path directoryFolder;

    @Option(names = "--train", description = "Retrain the combiner and the type model; write DIR/model/.")
    boolean train;

    @Option(names = "--corrections", paramLabel = "FILE.tsv",
            description = "With --train: confirmed agent corrections (examples format), as `hotline corrections "
                    + "export` writes them, trained on with the examples.")
    Path corrections;

    @Option(names = "--keywords-only", description = "Use only the keyword and pinyin stage (for comparisons).")
    boolean keywordsOnly;

    public MatchCommand() {
    }

    @Override
    public Integer call() throws IOException {
        if (train) {
            return train();
        }
        Directory directory = directoryFolder != null ? DirectoryLoader.load(directoryFolder)
                : DirectoryLoader.loadDefault();
        Matcher matcher = matcher(directory);
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (evalFile != null) {
            EvaluationReport report = new Evaluation(matcher).evaluate(Evaluation.read(evalFile));
            for (String line : report.lines()) {
                out.write(line + "\n");
            }
            out.flush();
            return 0;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            out.write(matcher.match(line).toCliLine() + "\n");
            out.flush();
        }
        out.flush();
        return 0;
    }

    private Matcher matcher(Directory directory) {
        if (keywordsOnly) {
            return MatcherFiles.keywordsOnly(directory,
                    directoryFolder != null ? AreaLoader.load(directoryFolder) : AreaLoader.loadDefault());
        }
        Optional<? extends Matcher> trained = directoryFolder != null ? MatcherFiles.load(directoryFolder, directory)
                : MatcherFiles.loadDefault(directory);
        if (trained.isEmpty()) {
            System.err.println("no trained model (model/combiner.tsv): keyword stage only");
        }
        return trained.isPresent() ? trained.get() : new TextMatcher(directory);
    }

    private int train() throws IOException {
        Path folder = directoryFolder != null ? directoryFolder : Path.of("config", "directory");
        Directory directory = DirectoryLoader.load(folder);
        List<LabelledExample> extra = corrections == null ? List.of() : ExampleLoader.loadFile(corrections, directory);
        MatcherTraining.Trained trained = MatcherFiles.train(folder, directory, extra);
        System.out.println(trained.summary());
        return 0;
    }
}
