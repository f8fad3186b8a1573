package org.hotline81890.partners.dispatch;

import java.util.List;
import java.util.Objects;

import org.hotline81890.partners.Provider;

/** A provider the policy would offer the job to, its score (higher first) and why, in words. */
public record RankedCandidate(Provider provider, double score, List<String> reasons) {
    public RankedCandidate {
        Objects.requireNonNull(provider, "provider");
        reasons = List.copyOf(reasons);
    }
}
