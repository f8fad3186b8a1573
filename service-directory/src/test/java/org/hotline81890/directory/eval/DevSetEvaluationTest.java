package org.hotline81890.directory.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.directory.match.ShippedMatcher;
import org.hotline81890.directory.match.TextMatcher;
import org.junit.jupiter.api.Test;

/** The targets on ../shared/directory/dev-requests.tsv (found relative to the repo root). */
class DevSetEvaluationTest {
    private static final Path DEV_SET = Path.of("").toAbsolutePath().getParent()
            .resolve("../shared/directory/dev-requests.tsv").normalize();

    @Test
    void theWholeMatcherMeetsTheTargetsOnTheDevSet() throws IOException {
        EvaluationReport report = new Evaluation(ShippedMatcher.get()).evaluate(Evaluation.read(DEV_SET));
        String why = report.lines() + "\n" + report.misses();
        assertThat(report.top1()).as(why).isGreaterThanOrEqualTo(0.97);
        assertThat(report.top3()).as(why).isGreaterThanOrEqualTo(0.98);
        assertThat(report.type()).as(why).isGreaterThanOrEqualTo(0.90);
        assertThat(report.noneF1()).as(why).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void theKeywordStageAloneStillMeetsTheTargets() throws IOException {
        List<LabelledRequest> rows = Evaluation.read(DEV_SET);
        assertThat(rows).hasSize(300);
        EvaluationReport report = new Evaluation(new TextMatcher(DirectoryLoader.loadDefault())).evaluate(rows);
        assertThat(report.top1()).as(report.lines() + "\n" + report.misses()).isGreaterThanOrEqualTo(0.92);
        assertThat(report.top3()).isGreaterThanOrEqualTo(0.98);
        assertThat(report.type()).isGreaterThanOrEqualTo(0.90);
        assertThat(report.noneRecall()).isGreaterThanOrEqualTo(0.9);
        assertThat(report.lines().get(report.lines().size() - 1))
                .matches("top1=0\\.\\d{3} top3=0\\.\\d{3} type=0\\.\\d{3}");
    }
}
