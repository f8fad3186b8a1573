package org.hotline81890.partners.dispatch;

import java.util.List;

/**
 * Shares of recent paid work among the partner companies eligible for one job. A firm above an equal share is
 * pushed down by how much it exceeds it, so no single firm takes all the paid work of a service and area.
 */
final class Fairness {
    private final int firms;
    private final long totalJobs;
    private final LoadView load;

    private Fairness(int firms, long totalJobs, LoadView load) {
        this.firms = firms;
        this.totalJobs = totalJobs;
        this.load = load;
    }

    static Fairness among(List<BalancedDispatchPolicy.Eligible> eligible, LoadView load) {
        int firms = 0;
        long total = 0;
        for (BalancedDispatchPolicy.Eligible candidate : eligible) {
            if (candidate.provider().kind().isPaid()) {
                firms++;
                total += load.recentPaidJobs(candidate.provider().id());
            }
        }
        return new Fairness(firms, total, load);
    }

    double share(BalancedDispatchPolicy.Eligible candidate) {
        return totalJobs == 0 ? 0.0 : (double) load.recentPaidJobs(candidate.provider().id()) / totalJobs;
    }

    double fairShare() {
        return firms == 0 ? 1.0 : 1.0 / firms;
    }

    double excessShare(BalancedDispatchPolicy.Eligible candidate) {
        return Math.max(0.0, share(candidate) - fairShare());
    }

    String describe(BalancedDispatchPolicy.Eligible candidate) {
        int jobs = load.recentPaidJobs(candidate.provider().id());
        return "recent paid jobs " + jobs + " of " + totalJobs + " among " + firms + " eligible firm(s) (share "
                + Math.round(share(candidate) * 100) + "%, fair " + Math.round(fairShare() * 100) + "%)";
    }
}
