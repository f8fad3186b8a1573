package org.hotline81890.partners.dispatch;

/**
 * Keeps the best {@code limit} candidates seen, best first (higher score, then the higher {@link Draw}), in
 * O(n · limit) without sorting or boxing all of them.
 */
final class TopCandidates {
    private final BalancedDispatchPolicy.Eligible[] items;
    private final double[] scores;
    private int size;

    TopCandidates(int limit) {
        items = new BalancedDispatchPolicy.Eligible[limit];
        scores = new double[limit];
    }

    void offer(BalancedDispatchPolicy.Eligible candidate, double score) {
        if (size == items.length && !better(candidate, score, items[size - 1], scores[size - 1])) {
            return;
        }
        int at = size == items.length ? size - 1 : size++;
        while (at > 0 && better(candidate, score, items[at - 1], scores[at - 1])) {
            items[at] = items[at - 1];
            scores[at] = scores[at - 1];
            at--;
        }
        items[at] = candidate;
        scores[at] = score;
    }

    int size() {
        return size;
    }

    BalancedDispatchPolicy.Eligible get(int rank) {
        return items[rank];
    }

    double score(int rank) {
        return scores[rank];
    }

    private static boolean better(BalancedDispatchPolicy.Eligible a, double scoreA, BalancedDispatchPolicy.Eligible b,
            double scoreB) {
        if (scoreA != scoreB) {
            return scoreA > scoreB;
        }
        if (a.draw() != b.draw()) {
            return a.draw() > b.draw();
        }
        return a.provider().id().compareTo(b.provider().id()) < 0;
    }
}
