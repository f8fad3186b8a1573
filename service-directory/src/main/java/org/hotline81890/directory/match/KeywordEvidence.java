package org.hotline81890.directory.match;

import java.util.List;
import java.util.Map;

import org.hotline81890.directory.RequestType;

/**
 * What the keyword and pinyin stage found in a text: ranked services with their word hits (even when its own NONE
 * rule says "not a request"), the emergency flag, the not-a-request cue weight, the type cue weights, its NONE
 * verdict and its request type.
 */
public record KeywordEvidence(List<Match> ranked, boolean urgent, double noneCues, Map<RequestType, Double> typeCues,
                              boolean none, RequestType requestType) {
    public KeywordEvidence {
        ranked = List.copyOf(ranked);
        typeCues = Map.copyOf(typeCues);
    }

    public double best() {
        return ranked.isEmpty() ? 0 : ranked.get(0).score();
    }

    public double cue(RequestType type) {
        return typeCues.getOrDefault(type, 0.0);
    }
}
