package org.hotline81890.directory.match;

import java.util.List;
import java.util.Objects;

import org.hotline81890.directory.Service;

/** A candidate service for a text, with its score and the words that earned it. */
public record Match(Service service, double score, List<MatchReason> reasons) {
    public Match {
        Objects.requireNonNull(service, "service");
        reasons = List.copyOf(reasons);
    }

    /** "RP-09 开锁换锁 3.5 [开锁 (name, +3.0), ...]" */
    @Override
    public String toString() {
        return "%s %.1f %s".formatted(service, score, reasons);
    }
}
