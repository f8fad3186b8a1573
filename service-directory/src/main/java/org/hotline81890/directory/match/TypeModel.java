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
            "keywords.consultation", "keywords.help", "keywords.complaint", "keywords.suggestion",
            "examples.consultation", "examples.help", "examples.complaint", "examples.suggestion",
            "question", "asks-how");
    /** A question to the hotline: a question mark or particle. */
    private static final java.util.regex.Pattern QUESTION = java.util.regex.Pattern.compile("[?？吗嘛么呢伐]");
    /** Asking for information: how, where, how much, when, which. */
    private static final java.util.regex.Pattern ASKS_HOW =
            java.util.regex.Pattern.compile("怎么|怎样|咋|哪|多少|几点|几时|什么时候|啥时候|多久|多长|什么|啥");
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

    RequestType type(Evidence ev, Service top, float[] serviceTypes) {
        double[] p = Softmax.probabilities(weights, classes(inputs(ev, top, serviceTypes)));
        int best = 0;
        for (int t = 1; t < p.length; t++) {
            best = p[t] > p[best] ? t : best;
        }
        RequestType type = Evidence.typeOf(best);
        return type == RequestType.COMPLAINT && ev.keywords().requestType() == RequestType.REPORT
                ? RequestType.REPORT : type;
    }

    /**
     * {@code top} is null for NONE; {@code serviceTypes} is the share of each type among its examples (null for
     * NONE).
     */
    static double[] inputs(Evidence ev, Service top, float[] serviceTypes) {
        boolean none = top == null;
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
        for (int t = 0; t < Evidence.TYPES && serviceTypes != null; t++) {
            x[18 + t] = serviceTypes[t];
        }
        x[22] = QUESTION.matcher(ev.text()).find() ? 1 : 0;
        x[23] = ASKS_HOW.matcher(ev.text()).find() ? 1 : 0;
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
