package org.hotline81890.gateway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.RequestType;
import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.directory.match.Match;
import org.hotline81890.directory.match.MatchResult;
import org.hotline81890.directory.match.Matcher;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Classification;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.junit.jupiter.api.Test;

/** A text the matcher is unsure of waits for an agent when it came by SMS; other channels keep the first service. */
class DirectoryClassifierTest {
    private static final Directory DIRECTORY = DirectoryLoader.loadDefault();

    private static DirectoryClassifier classifier(boolean askAgent) {
        Match pipe = new Match(DIRECTORY.find("RP-01").orElseThrow(), 0.4, List.of());
        Matcher matcher = text -> new MatchResult(List.of(pipe), RequestType.HELP, false, List.of(), 0.41, askAgent);
        return new DirectoryClassifier(DIRECTORY, matcher, Clock.systemUTC());
    }

    @Test
    void anUnsureMatchOfATextShouldBeHeldForAnAgent() {
        Classification c = classifier(true).classify(IntakeRequest.of("k1", Channel.SMS, "13800001111", "水好像有点问题"));
        assertThat(c.serviceCode()).isEmpty();
        assertThat(c.reason()).contains("held for an agent", "0.41", "RP-01");
    }

    @Test
    void aSureMatchOfATextOrAnUnsureOneFromAnotherChannelShouldKeepItsService() {
        assertThat(classifier(false).classify(IntakeRequest.of("k2", Channel.SMS, "13800001111", "水管漏水"))
                .serviceCode()).contains("RP-01");
        assertThat(classifier(true).classify(IntakeRequest.of("k3", Channel.WEB, "13800001111", "水管漏水"))
                .serviceCode()).contains("RP-01");
    }
}
