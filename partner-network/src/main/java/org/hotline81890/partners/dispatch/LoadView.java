package org.hotline81890.partners.dispatch;

import java.util.Map;

import org.hotline81890.partners.ProviderId;

/**
 * What a dispatch decision needs to know about current work: jobs each provider has open now (accepted or
 * started offers) and, for fairness, how many paid jobs each partner company accepted in the recent window.
 */
public interface LoadView {
    int activeJobs(ProviderId provider);

    int recentPaidJobs(ProviderId provider);

    static LoadView of(Map<ProviderId, Integer> activeJobs, Map<ProviderId, Integer> recentPaidJobs) {
        Map<ProviderId, Integer> active = Map.copyOf(activeJobs);
        Map<ProviderId, Integer> paid = Map.copyOf(recentPaidJobs);
        return new LoadView() {
            @Override
            public int activeJobs(ProviderId provider) {
                return active.getOrDefault(provider, 0);
            }

            @Override
            public int recentPaidJobs(ProviderId provider) {
                return paid.getOrDefault(provider, 0);
            }
        };
    }

    static LoadView idle() {
        return of(Map.of(), Map.of());
    }
}
