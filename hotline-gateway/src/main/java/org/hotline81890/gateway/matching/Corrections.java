package org.hotline81890.gateway.matching;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.LabelledExample;
import org.hotline81890.directory.RequestType;

/**
 * Use case: the matcher learns from the agents. An agent's choice that differs from the matcher's first answer is
 * stored next to it; it is confirmed when a second agent chooses the same for the same text, or a supervisor
 * chooses or approves it. A confirmed correction goes at once into the matcher's nearest-example memory (the
 * {@code learner}), and into the next {@code hotline match --train}.
 */
public final class Corrections {
    private final CorrectionStore store;
    private final Directory directory;
    private final Consumer<LabelledExample> learner;
    private final Clock clock;

    public Corrections(CorrectionStore store, Directory directory, Consumer<LabelledExample> learner, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.learner = learner;
        this.clock = clock;
    }

    /** An agent (or supervisor) picked a service for a text. */
    public CorrectionResult record(CorrectionRequest request) {
        Optional<CorrectionResult.Rejected> bad = check(request);
        if (bad.isPresent()) {
            return bad.get();
        }
        if (request.chosen().equals(request.matcherFirst())) {
            return new CorrectionResult.SameAsMatcher();
        }
        String key = Correction.textKey(request.text());
        List<Correction> agreeing = store.agreeing(key, request.chosen());
        Correction stored = store.add(new CorrectionStore.NewCorrection(request.text().strip(), key,
                request.matcherFirst(), request.chosen(), request.requestType(), request.agent(), request.ticket(),
                clock.instant()));
        boolean otherAgent = agreeing.stream().anyMatch(c -> !c.agent().equals(request.agent()));
        boolean alreadyLearnt = agreeing.stream().anyMatch(Correction::confirmed);
        if ((request.supervisor() || otherAgent) && !alreadyLearnt) {
            return new CorrectionResult.Recorded(confirm(stored, request.agent()), true);
        }
        return new CorrectionResult.Recorded(stored, false);
    }

    /** A supervisor approves a pending correction. */
    public CorrectionResult approve(long id, String supervisor) {
        Optional<Correction> found = store.find(id);
        if (found.isEmpty()) {
            return new CorrectionResult.Rejected("id", "no correction " + id);
        }
        if (found.get().confirmed()) {
            return new CorrectionResult.Recorded(found.get(), false);
        }
        return new CorrectionResult.Recorded(confirm(found.get(), supervisor), true);
    }

    /** Corrections waiting for a second agent or a supervisor, newest first. */
    public List<Correction> pending(int limit) {
        return store.pending(limit);
    }

    /** The confirmed corrections as labelled examples (for the matcher's memory at start-up and for training). */
    public List<LabelledExample> confirmedExamples() {
        return store.confirmed().stream().map(Corrections::example).toList();
    }

    private Correction confirm(Correction c, String by) {
        store.confirm(c.id(), by, clock.instant());
        Correction confirmed = store.find(c.id()).orElseThrow();
        learner.accept(example(confirmed));
        return confirmed;
    }

    static LabelledExample example(Correction c) {
        Optional<String> service = c.chosen().equals(LabelledExample.NONE) ? Optional.empty() : Optional.of(c.chosen());
        return new LabelledExample(c.text(), service, RequestType.of(c.requestType()), "correction " + c.id());
    }

    private Optional<CorrectionResult.Rejected> check(CorrectionRequest r) {
        if (r.text().isBlank()) {
            return Optional.of(new CorrectionResult.Rejected("text", "the text is empty"));
        }
        if (r.text().length() > 1000) {
            return Optional.of(new CorrectionResult.Rejected("text", "longer than 1000 characters"));
        }
        if (!known(r.chosen())) {
            return Optional.of(new CorrectionResult.Rejected("chosen", "unknown service '" + r.chosen() + "'"));
        }
        if (!known(r.matcherFirst())) {
            return Optional.of(new CorrectionResult.Rejected("matcherFirst", "unknown service '" + r.matcherFirst()
                    + "'"));
        }
        if (r.agent().isBlank()) {
            return Optional.of(new CorrectionResult.Rejected("agent", "who chose it is missing"));
        }
        try {
            RequestType.of(r.requestType());
        } catch (IllegalArgumentException e) {
            return Optional.of(new CorrectionResult.Rejected("requestType", e.getMessage()));
        }
        return Optional.empty();
    }

    private boolean known(String code) {
        return code.equals(LabelledExample.NONE) || directory.find(code).isPresent();
    }
}
