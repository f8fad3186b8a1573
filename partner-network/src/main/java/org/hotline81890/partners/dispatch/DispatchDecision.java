package org.hotline81890.partners.dispatch;

import java.util.List;

/** What a {@link DispatchPolicy} decided for one job. */
public sealed interface DispatchDecision {

    /** The policy that decided, for the work-order history. */
    String policy();

    /** Eligible providers, best first (never empty); offer to the first, then the next on decline or timeout. */
    record Chosen(String policy, List<RankedCandidate> ranked) implements DispatchDecision {
        public Chosen {
            ranked = List.copyOf(ranked);
            if (ranked.isEmpty()) {
                throw new IllegalArgumentException("Chosen needs at least one candidate; use NoCandidate");
            }
        }

        public RankedCandidate best() {
            return ranked.get(0);
        }
    }

    /** Nobody can take the job now; the reasons say why each provider of the service was left out. Escalate. */
    record NoCandidate(String policy, List<String> reasons) implements DispatchDecision {
        public NoCandidate {
            reasons = List.copyOf(reasons);
        }
    }
}
