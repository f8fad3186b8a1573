package org.hotline81890.directory.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.hotline81890.directory.RequestType;
import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.directory.match.ShippedMatcher;
import org.hotline81890.directory.match.TextMatcher;
import org.junit.jupiter.api.Test;

/**
 * Generalisation floor on {@code paraphrases.tsv}: requests written independently of the dev set (every category
 * and request type, NONE, emergencies, dialect, typos, pinyin, English). Floors are the measured figures minus a
 * small margin, so a change that overfits the dev set and loses ground here fails.
 */
class ParaphraseEvaluationTest {

    @Test
    void paraphraseSetStaysAboveTheFloor() throws IOException, URISyntaxException {
        Path file = Path.of(Objects.requireNonNull(getClass().getResource("/paraphrases.tsv")).toURI());
        List<LabelledRequest> rows = Evaluation.read(file);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(200);
        assertThat(rows).extracting(LabelledRequest::type).contains(RequestType.values());
        assertThat(rows).anyMatch(LabelledRequest::isNone);

        EvaluationReport report = new Evaluation(new TextMatcher(DirectoryLoader.loadDefault())).evaluate(rows);

        String why = report.lines() + "\n" + String.join("\n", report.misses());
        assertThat(report.top1()).as(why).isGreaterThanOrEqualTo(0.91);
        assertThat(report.top3()).as(why).isGreaterThanOrEqualTo(0.96);
        assertThat(report.type()).as(why).isGreaterThanOrEqualTo(0.88);
        assertThat(report.noneRecall()).as(why).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void theWholeMatcherStaysAboveTheFloorToo() throws IOException, URISyntaxException {
        Path file = Path.of(Objects.requireNonNull(getClass().getResource("/paraphrases.tsv")).toURI());
        EvaluationReport report = new Evaluation(ShippedMatcher.get()).evaluate(Evaluation.read(file));
        String why = report.lines() + "\n" + String.join("\n", report.misses());
        assertThat(report.top1()).as(why).isGreaterThanOrEqualTo(0.95);
        assertThat(report.top3()).as(why).isGreaterThanOrEqualTo(0.98);
        assertThat(report.type()).as(why).isGreaterThanOrEqualTo(0.90);
        assertThat(report.noneF1()).as(why).isGreaterThanOrEqualTo(0.95);
    }
}
