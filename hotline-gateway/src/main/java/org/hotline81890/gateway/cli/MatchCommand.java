package org.hotline81890.gateway.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.eval.Evaluation;
import org.hotline81890.directory.eval.EvaluationReport;
import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.directory.match.TextMatcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hotline match}: one line out per line in (UTF-8), {@code CODE,CODE,CODE<TAB>type} or {@code NONE<TAB>type};
 * with {@code --eval FILE.tsv}, the dev-set figures, last line {@code top1=… top3=… type=…}. Nothing else on stdout.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Match request texts from standard input (one per line, UTF-8) to services.",
            "Prints the top three service codes (or NONE), a tab, and the request type, one line per input line.",
            "With --eval FILE.tsv, prints top-1, top-3, NONE precision/recall and request-type accuracy instead."})
public final class MatchCommand implements Callable<Integer> {

    @Option(names = "--eval", paramLabel = "FILE.tsv",
            description = "Evaluate on a labelled file in the dev-set format (text, expected_codes, request_type).")
    Path evalFile;

    @Option(names = "--directory", paramLabel = "DIR",
            description = "Load the directory from this folder (like config/directory) instead of the built-in one.")
    Path directoryFolder;

    public MatchCommand() {
    }

    @Override
    public Integer call() throws IOException {
        Directory directory = directoryFolder != null ? DirectoryLoader.load(directoryFolder)
                : DirectoryLoader.loadDefault();
        TextMatcher matcher = new TextMatcher(directory);
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
        }
        out.flush();
        return 0;
    }
}
