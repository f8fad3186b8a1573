package org.hotline81890.gateway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.directory.match.MatchResult;
import org.junit.jupiter.api.Test;

/**
 * The learning loop end to end on the shipped matcher: two agents correct the same text, and the next time the
 * matcher sees that text it answers with their service and says why; a restarted matcher learns it from the store.
 * A supervisor's choice alone confirms, with the same effect at once.
 */
class LearningLoopTest {
    private static final String TEXT = "我家门口的消防通道被几辆电瓶车堵死了";

    @Test
    void aConfirmedCorrectionMakesTheSameTextMatchTheCorrectedService() {
        Directory directory = DirectoryLoader.loadDefault();
        InMemoryCorrectionStore store = new InMemoryCorrectionStore();
        LearningMatcher learning = LearningMatcher.load(directory, store);
        Corrections corrections = new Corrections(store, directory, learning::remember, Clock.systemUTC());
        MatchResult before = learning.matcher().match(TEXT);
        String first = before.topCodes(1).stream().findFirst().orElse("NONE");
        String chosen = first.equals("RE-08") ? "MC-10" : "RE-08";

        corrections.record(new CorrectionRequest(TEXT, first, chosen, "complaint", "agent-1", false, Optional.empty()));
        assertThat(learning.matcher().match(TEXT).topCodes(1)).isEqualTo(before.topCodes(1));
        corrections.record(new CorrectionRequest(TEXT, first, chosen, "complaint", "agent-2", false, Optional.empty()));

        MatchResult after = learning.matcher().match(TEXT);
        assertThat(after.topCodes(1)).containsExactly(chosen);
        assertThat(after.notes()).anyMatch(n -> n.startsWith("same request as correction"));
        assertThat(after.top().orElseThrow().reasons()).anyMatch(r -> r.toString().contains(TEXT));

        LearningMatcher restarted = LearningMatcher.load(directory, store);
        assertThat(restarted.matcher().match(TEXT).topCodes(1)).containsExactly(chosen);
    }

    @Test
    void aSupervisorsCorrectionAloneMakesTheSameTextMatchAtOnce() {
        String text = "小区健身器材的螺丝松了一直晃，老人锻炼怕出事";
        Directory directory = DirectoryLoader.loadDefault();
        InMemoryCorrectionStore store = new InMemoryCorrectionStore();
        LearningMatcher learning = LearningMatcher.load(directory, store);
        Corrections corrections = new Corrections(store, directory, learning::remember, Clock.systemUTC());
        String first = learning.matcher().match(text).topCodes(1).stream().findFirst().orElse("NONE");
        String chosen = first.equals("RE-03") ? "VL-02" : "RE-03";

        corrections.record(new CorrectionRequest(text, first, chosen, "report", "super-1", true, Optional.empty()));

        MatchResult after = learning.matcher().match(text);
        assertThat(after.topCodes(1)).containsExactly(chosen);
        assertThat(after.notes()).anyMatch(n -> n.startsWith("same request as correction"));
        assertThat(learning.matcher().match(text + "。").topCodes(1)).containsExactly(chosen);
    }
}
