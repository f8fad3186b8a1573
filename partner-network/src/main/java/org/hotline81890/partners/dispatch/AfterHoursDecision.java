package org.hotline81890.partners.dispatch;

import java.time.Instant;
import java.util.Objects;

/** What {@link AfterHours} decided for a job nobody can take now. */
public sealed interface AfterHoursDecision {

    /**
     * Escalate (督办) now; {@code why} says which rule, or that nobody opens in time; blank when the hours are not
     * why (nobody who could take it opens at all: tried, elsewhere, suspended).
     */
    record Escalate(String why) implements AfterHoursDecision {
        public Escalate {
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * Offer it at {@code offerAt}, when {@code firstOpen} (the best provider then) opens; {@code serviceClass} and
     * {@code rule} say why it waits.
     */
    record Hold(Instant offerAt, String serviceClass, AfterHoursRule rule, String firstOpen)
            implements AfterHoursDecision {
        public Hold {
            Objects.requireNonNull(offerAt, "offerAt");
            Objects.requireNonNull(serviceClass, "serviceClass");
            Objects.requireNonNull(rule, "rule");
        }
    }
}
