package org.hotline81890.directory.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hotline81890.directory.RequestType;
import org.hotline81890.directory.match.MatchResult;
import org.hotline81890.directory.match.Matcher;

/**
 * Scores a {@link Matcher} on a labelled file in the dev-set format ({@code text, expected_codes,
 * request_type, note}, tab-separated, one header line). A row counts for top-1/top-3 when an acceptable code is
 * first / among the first three; a NONE row counts when the matcher says NONE. Several acceptable codes are
 * separated by {@code ,} (the dev set) or {@code |} (the writer of {@code src/eval/unseen-3.tsv}).
 */
public final class Evaluation {
    private final Matcher matcher;

    public Evaluation(Matcher matcher) {
        this.matcher = matcher;
    }

    public static List<LabelledRequest> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<LabelledRequest> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 3) {
                throw new IllegalArgumentException(file.getFileName() + ":" + (i + 1) + ": expected text, codes, type");
            }
            List<String> codes = Arrays.stream(f[1].split("[,|]")).map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
            rows.add(new LabelledRequest(i + 1, f[0], codes, RequestType.of(f[2])));
        }
        return rows;
    }

    public EvaluationReport evaluate(List<LabelledRequest> rows) {
        int top1 = 0;
        int top3 = 0;
        int type = 0;
        int predictedNone = 0;
        int correctNone = 0;
        int noneRows = 0;
        int asked = 0;
        int sureRight = 0;
        List<String> misses = new ArrayList<>();
        for (LabelledRequest row : rows) {
            MatchResult result = matcher.match(row.text());
            boolean hit1 = row.isNone() ? result.isNone() : hits(result.topCodes(1), row);
            boolean hit3 = row.isNone() ? result.isNone() : hits(result.topCodes(3), row);
            boolean typeOk = sameType(result.requestType(), row.type());
            top1 += hit1 ? 1 : 0;
            asked += result.askAgent() ? 1 : 0;
            sureRight += !result.askAgent() && hit1 ? 1 : 0;
            top3 += hit3 ? 1 : 0;
            type += typeOk ? 1 : 0;
            noneRows += row.isNone() ? 1 : 0;
            predictedNone += result.isNone() ? 1 : 0;
            correctNone += result.isNone() && row.isNone() ? 1 : 0;
            if (!hit1 || !typeOk) {
                misses.add("line " + row.line() + (hit1 ? "" : " top1") + (hit3 ? "" : " top3")
                        + (typeOk ? "" : " type") + ": " + row.text() + " | want " + row.acceptable() + " "
                        + row.type().english() + " | got " + result.toCliLine() + " " + result.matches().stream()
                        .limit(2).toList());
            }
        }
        int n = Math.max(1, rows.size());
        return new EvaluationReport(rows.size(), (double) top1 / n, (double) top3 / n, (double) type / n,
                predictedNone == 0 ? 1.0 : (double) correctNone / predictedNone,
                noneRows == 0 ? 1.0 : (double) correctNone / noneRows, (double) asked / n,
                rows.size() == asked ? 1.0 : (double) sureRight / (rows.size() - asked), misses);
    }

    /** A report counts as a complaint (the hotline files both with the complaint SLA family). */
    static boolean sameType(RequestType got, RequestType want) {
        return fold(got) == fold(want);
    }

    private static RequestType fold(RequestType t) {
        return t == RequestType.REPORT ? RequestType.COMPLAINT : t;
    }

    private static boolean hits(List<String> codes, LabelledRequest row) {
        return codes.stream().anyMatch(row.acceptable()::contains);
    }
}
