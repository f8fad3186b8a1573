package org.hotline81890.directory.match;

import java.util.ArrayList;
import java.util.List;

import org.hotline81890.directory.RequestType;
import org.hotline81890.directory.Service;

/**
 * The request type (consultation, help, complaint, suggestion) as multinomial logistic regression over the type cue
 * words, the chosen service's default type and the types of the nearest examples. A report counts as a complaint;
 * the keyword stage's REPORT is kept when the model says complaint.
 */
final class TypeModel {
    static final List<String> INPUTS = List.of("bias",
            "cue.consultation", "cue.help", "cue.complaint", "cue.suggestion",
            "prior.consultation", "prior.help", "prior.complaint", "prior.suggestion",
            "knn.consultation", "knn.help", "knn.complaint", "knn.suggestion", "none",
            "keywords.consultation", "keywords.help", "keywords.complaint", "keywords.suggestion");
    private final double[] weights;

    TypeModel(double[] weights) {
        if (weights.length != dims()) {
            throw new IllegalArgumentException("expected " + dims() + " type weights");
        }
        this.weights = weights.clone();
    }

    static int dims() {
        return INPUTS.size() * Evidence.TYPES;
    }

    static List<String> names() {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < Evidence.TYPES; t++) {
            for (String in : INPUTS) {
                out.add(Evidence.typeOf(t).english() + "." + in);
            }
        }
        return out;
    }

    RequestType type(Evidence ev, Service top, boolean none) {
        double[] p = Softmax.probabilities(weights, classes(inputs(ev, top, none)));
        int best = 0;
        for (int t = 1; t < p.length; t++) {
            best = p[t] > p[best] ? t : best;
        }
        RequestType type = Evidence.typeOf(best);
        return type == RequestType.COMPLAINT && ev.keywords().requestType() == RequestType.REPORT
                ? RequestType.REPORT : type;
    }

    /** {@code top} may be null (NONE, or no service at all). */
    static double[] inputs(Evidence ev, Service top, boolean none) {
        double[] x = new double[INPUTS.size()];
        x[0] = 1;
        KeywordEvidence kw = ev.keywords();
        for (RequestType t : RequestType.values()) {
            x[1 + Evidence.typeIndex(t)] += Math.log1p(kw.cue(t));
        }
        if (top != null) {
            x[5 + Evidence.typeIndex(top.defaultRequestType())] = 1;
        }
        for (int t = 0; t < Evidence.TYPES; t++) {
            x[9 + t] = ev.typeKnn()[t];
        }
        x[13] = none ? 1 : 0;
        x[14 + Evidence.typeIndex(kw.requestType())] = 1;
        return x;
    }

    /** The inputs placed in each class's block: multinomial regression as a softmax over the classes. */
    static double[][] classes(double[] x) {
        double[][] f = new double[Evidence.TYPES][dims()];
        for (int t = 0; t < Evidence.TYPES; t++) {
            System.arraycopy(x, 0, f[t], t * x.length, x.length);
        }
        return f;
    }

    double[] weights() {
        return weights.clone();
    }
}
