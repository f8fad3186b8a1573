package org.hotline81890.directory.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hotline81890.directory.RequestType;
import org.hotline81890.directory.Service;
import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.directory.match.Match;
import org.hotline81890.directory.match.MatchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the labelled files: both separators of several acceptable codes count, as the sets are written. */
class EvaluationReadTest {

    @Test
    void severalAcceptableCodesAreReadWithEitherSeparator(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("set.tsv");
        Files.writeString(file, """
                text\texpected_codes\trequest_type\tnote
                某甲\tED-08|JB-07\tconsultation\tpipe
                某乙\tLW-06, MC-04\tcomplaint\tcomma
                某丙\tNONE\tconsultation\tnone
                """, StandardCharsets.UTF_8);

        List<LabelledRequest> rows = Evaluation.read(file);

        assertThat(rows).extracting(LabelledRequest::acceptable)
                .containsExactly(List.of("ED-08", "JB-07"), List.of("LW-06", "MC-04"), List.of("NONE"));
        assertThat(rows.get(0).type()).isEqualTo(RequestType.CONSULTATION);
    }

    @Test
    void theSecondCodeOfAPipeSeparatedRowIsAHit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("set.tsv");
        Files.writeString(file, "text\texpected_codes\trequest_type\tnote\n某甲\tED-08|JB-07\tconsultation\t\n",
                StandardCharsets.UTF_8);
        Service migrantWorkers = DirectoryLoader.loadDefault().find("JB-07").orElseThrow();
        MatchResult answer = new MatchResult(List.of(new Match(migrantWorkers, 1.0, List.of())),
                RequestType.CONSULTATION, false, List.of());

        EvaluationReport report = new Evaluation(text -> answer).evaluate(Evaluation.read(file));

        assertThat(report.top1()).isEqualTo(1.0);
        assertThat(report.top3()).isEqualTo(1.0);
    }
}
