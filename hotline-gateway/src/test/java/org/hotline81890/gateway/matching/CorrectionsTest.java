package org.hotline81890.gateway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline81890.directory.LabelledExample;
import org.hotline81890.directory.load.DirectoryLoader;
import org.junit.jupiter.api.Test;

class CorrectionsTest {
    private final InMemoryCorrectionStore store = new InMemoryCorrectionStore();
    private final List<LabelledExample> learnt = new ArrayList<>();
    private final Corrections corrections = new Corrections(store, DirectoryLoader.loadDefault(), learnt::add,
            Clock.fixed(Instant.parse("2026-12-05T01:00:00Z"), ZoneOffset.UTC));

    private static CorrectionRequest by(String agent, boolean supervisor, String text, String chosen) {
        return new CorrectionRequest(text, "RP-01", chosen, "help", agent, supervisor, Optional.empty());
    }

    @Test
    void oneAgentsCorrectionIsStoredButNotLearnt() {
        CorrectionResult r = corrections.record(by("agent-1", false, "阳台顶上滴水", "RE-05"));
        assertThat(r).isInstanceOfSatisfying(CorrectionResult.Recorded.class, rec -> {
            assertThat(rec.confirmed()).isFalse();
            assertThat(rec.correction().matcherFirst()).isEqualTo("RP-01");
        });
        assertThat(learnt).isEmpty();
        assertThat(corrections.pending(10)).hasSize(1);
    }

    @Test
    void aSecondAgentAgreeingConfirmsAndTheMatcherLearnsOnce() {
        corrections.record(by("agent-1", false, "阳台顶上滴水", "RE-05"));
        CorrectionResult r = corrections.record(by("agent-2", false, "阳台顶上 滴水！", "RE-05"));
        assertThat(r).isInstanceOfSatisfying(CorrectionResult.Recorded.class,
                rec -> assertThat(rec.confirmed()).isTrue());
        assertThat(learnt).singleElement().satisfies(e -> {
            assertThat(e.serviceCode()).contains("RE-05");
            assertThat(e.source()).startsWith("correction ");
        });
        corrections.record(by("agent-3", false, "阳台顶上滴水", "RE-05"));
        assertThat(learnt).hasSize(1);
    }

    @Test
    void theSameAgentTwiceDoesNotConfirm() {
        corrections.record(by("agent-1", false, "阳台顶上滴水", "RE-05"));
        corrections.record(by("agent-1", false, "阳台顶上滴水", "RE-05"));
        assertThat(learnt).isEmpty();
    }

    @Test
    void aSupervisorsChoiceOrApprovalConfirms() {
        corrections.record(by("super-1", true, "楼下烧烤店油烟熏得没法开窗", "MC-06"));
        assertThat(learnt).hasSize(1);
        CorrectionResult pending = corrections.record(by("agent-1", false, "路边井盖被偷了", "NONE"));
        long id = ((CorrectionResult.Recorded) pending).correction().id();
        assertThat(corrections.approve(id, "super-1")).isInstanceOfSatisfying(CorrectionResult.Recorded.class,
                rec -> assertThat(rec.confirmed()).isTrue());
        assertThat(learnt).hasSize(2);
        assertThat(learnt.get(1).isNone()).isTrue();
        assertThat(corrections.confirmedExamples()).hasSize(2);
    }

    @Test
    void choosingWhatTheMatcherSaidOrSomethingUnknownIsNotStored() {
        assertThat(corrections.record(by("agent-1", false, "水管漏了", "RP-01")))
                .isInstanceOf(CorrectionResult.SameAsMatcher.class);
        assertThat(corrections.record(by("agent-1", false, "水管漏了", "XX-01")))
                .isEqualTo(new CorrectionResult.Rejected("chosen", "unknown service 'XX-01'"));
        assertThat(corrections.record(by("agent-1", false, "  ", "RE-05")))
                .isInstanceOfSatisfying(CorrectionResult.Rejected.class, r -> assertThat(r.field()).isEqualTo("text"));
        assertThat(corrections.record(new CorrectionRequest("水管漏了", "RP-01", "RE-05", "wish", "agent-1", false,
                Optional.empty()))).isInstanceOfSatisfying(CorrectionResult.Rejected.class,
                    r -> assertThat(r.field()).isEqualTo("requestType"));
        assertThat(corrections.approve(42, "super-1")).isInstanceOf(CorrectionResult.Rejected.class);
        assertThat(corrections.pending(10)).isEmpty();
    }
}
