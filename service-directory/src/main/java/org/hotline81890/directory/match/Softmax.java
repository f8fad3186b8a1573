package org.hotline81890.directory.match;

import java.util.List;

/**
 * A conditional-logit model: each item has candidates described by feature vectors, and the probability of a
 * candidate is the softmax of {@code w·f} over the item's candidates. Multinomial logistic regression is the special
 * case where the candidates are the classes. Fitted by full-batch Adam on the L2-penalised log-likelihood.
 */
final class Softmax {
    private Softmax() {
    }

    /** One training item: its candidates' features and which one is right. */
    record Item(double[][] candidates, int answer) {
    }

    static double[] probabilities(double[] w, double[][] candidates) {
        double[] p = new double[candidates.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates.length; c++) {
            p[c] = dot(w, candidates[c]);
            max = Math.max(max, p[c]);
        }
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    static double[] fit(List<Item> items, int dims, double l2, int iterations) {
        double[] w = new double[dims];
        double[] m = new double[dims];
        double[] v = new double[dims];
        double rate = 0.05;
        for (int it = 1; it <= iterations; it++) {
            double[] grad = new double[dims];
            for (Item item : items) {
                double[] p = probabilities(w, item.candidates());
                for (int c = 0; c < p.length; c++) {
                    double g = p[c] - (c == item.answer() ? 1 : 0);
                    double[] f = item.candidates()[c];
                    for (int d = 0; d < dims; d++) {
                        grad[d] += g * f[d];
                    }
                }
            }
            for (int d = 0; d < dims; d++) {
                double g = grad[d] / items.size() + l2 * w[d];
                m[d] = 0.9 * m[d] + 0.1 * g;
                v[d] = 0.999 * v[d] + 0.001 * g * g;
                double mh = m[d] / (1 - Math.pow(0.9, it));
                double vh = v[d] / (1 - Math.pow(0.999, it));
                w[d] -= rate * mh / (Math.sqrt(vh) + 1e-8);
            }
        }
        return w;
    }

    static double dot(double[] w, double[] f) {
        double s = 0;
        for (int d = 0; d < f.length; d++) {
            s += w[d] * f[d];
        }
        return s;
    }
}
