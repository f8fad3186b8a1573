package org.hotline81890.directory.match;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hotline81890.directory.RequestType;

/**
 * What a {@link Matcher} made of a text: ranked candidate services (empty when the text is not a request at
 * all: NONE), the request type, whether it sounds like an emergency, notes, the calibrated probability that the
 * first answer (a service, or NONE) is right, and whether an agent should review it (low confidence).
 */
public record MatchResult(List<Match> matches, RequestType requestType, boolean urgent, List<String> notes,
                          double confidence, boolean askAgent) {
    public MatchResult {
        matches = List.copyOf(matches);
        notes = List.copyOf(notes);
        Objects.requireNonNull(requestType, "requestType");
    }

    /** A keyword-only result: no calibrated confidence (1), no review asked. */
    public MatchResult(List<Match> matches, RequestType requestType, boolean urgent, List<String> notes) {
        this(matches, requestType, urgent, notes, 1.0, false);
    }

    /** True when nothing fits: greetings, thanks, wrong numbers, advertising, or no service word at all. */
    public boolean isNone() {
        return matches.isEmpty();
    }

    public Optional<Match> top() {
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0));
    }

    /** Up to {@code n} service codes, best first. */
    public List<String> topCodes(int n) {
        return matches.stream().limit(n).map(m -> m.service().code()).toList();
    }

    /** The CLI line: {@code RP-02,RP-01,RE-05<TAB>help} or {@code NONE<TAB>consultation}. */
    public String toCliLine() {
        String codes = isNone() ? "NONE" : topCodes(3).stream().collect(Collectors.joining(","));
        return codes + "\t" + requestType.english();
    }
}
