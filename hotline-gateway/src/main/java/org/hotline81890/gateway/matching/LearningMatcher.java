package org.hotline81890.gateway.matching;

import java.util.List;
import java.util.Optional;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.LabelledExample;
import org.hotline81890.directory.match.Matcher;
import org.hotline81890.directory.match.MatcherFiles;
import org.hotline81890.directory.match.SemanticMatcher;
import org.hotline81890.directory.match.TextMatcher;

/**
 * The matcher the hotline runs: the shipped trained matcher with the confirmed corrections in its example memory,
 * or the keyword matcher alone when no trained model is shipped (then corrections are stored but not learnt).
 */
public final class LearningMatcher {
    private final Matcher matcher;
    private final Optional<SemanticMatcher> semantic;

    LearningMatcher(Matcher matcher, Optional<SemanticMatcher> semantic) {
        this.matcher = matcher;
        this.semantic = semantic;
    }

    public static LearningMatcher load(Directory directory, CorrectionStore corrections) {
        List<LabelledExample> confirmed = corrections.confirmed().stream().map(Corrections::example).toList();
        Optional<SemanticMatcher> semantic = MatcherFiles.loadDefault(directory, confirmed);
        return new LearningMatcher(semantic.<Matcher>map(m -> m).orElseGet(() -> new TextMatcher(directory)),
                semantic);
    }

    public Matcher matcher() {
        return matcher;
    }

    /** A confirmed correction, effective for the next text. */
    public void remember(LabelledExample example) {
        semantic.ifPresent(m -> m.remember(example));
    }
}
