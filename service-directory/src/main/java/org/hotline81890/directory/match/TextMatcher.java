package org.hotline81890.directory.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.Keyword;
import org.hotline81890.directory.RequestType;

/**
 * Matches a resident's free text (Chinese first; also pinyin and English) to ranked services, a request type,
 * an emergency flag, or NONE. Thread-safe; build one per directory and share it.
 *
 * <p>The rules, each a named step below: {@link #collect} finds every data word in the text, exactly and by
 * pinyin; {@link #dropContained} keeps the longest words where they overlap; {@link #score} adds up word weights
 * per service; {@link #isNotARequest} and {@link #requestType} decide NONE and the type.
 */
public final class TextMatcher implements Matcher {
    /** Below this best score the text is NONE: one weak word is not enough to open a work order. */
    static final double MIN_SCORE = 0.9;
    /** Pinyin matches count less than the characters themselves; typed pinyin more than homophone guesses. */
    static final double TYPED_PINYIN_FACTOR = 0.9;
    static final double HOMOPHONE_FACTOR = 0.5;
    /**
     * A service found only through setting words (see {@link Keyword.Kind#CONTEXT}) gets this share of them when
     * another service was found through a core word: the specific service beats the catch-all.
     */
    static final double CONTEXT_ONLY_FACTOR = 0.5;
    /** The best service's default request type gets this many points before the cues are counted. */
    static final double TYPE_PRIOR = 1.5;
    private static final int MAX_MATCHES = 10;

    private final Vocabulary vocabulary;

    public TextMatcher(Directory directory) {
        this(directory, Pinyin.shared());
    }

    TextMatcher(Directory directory, Pinyin pinyin) {
        this.vocabulary = new Vocabulary(directory, pinyin);
    }

    @Override
    public MatchResult match(String text) {
        KeywordEvidence e = evidence(text);
        if (e.none()) {
            return new MatchResult(List.of(), RequestType.CONSULTATION, false, List.of("not a request"));
        }
        return new MatchResult(e.ranked(), e.requestType(), e.urgent(), List.of());
    }

    /** Everything the keyword stage found, before its NONE rule is applied: the combiner's lexical evidence. */
    public KeywordEvidence evidence(String text) {
        String normalized = vocabulary.normalizer.normalize(text);
        Lattice lattice = new Lattice(normalized, vocabulary.pinyin);
        List<Hit> hits = dropContained(collect(normalized, lattice));
        Map<Integer, Candidate> candidates = score(hits);
        boolean anyCore = candidates.values().stream().anyMatch(c -> c.core > 0);
        List<Match> ranked = candidates.values().stream()
                .sorted(Comparator.comparingDouble((Candidate c) -> -c.score(anyCore)).thenComparingInt(c -> c.service))
                .limit(MAX_MATCHES)
                .map(c -> new Match(vocabulary.services.get(c.service), round(c.score(anyCore)), c.reasons))
                .toList();
        boolean urgent = hits.stream().anyMatch(h -> isUrgentHit(h) && !insideLonger(h, hits)
                && !WaterUnderControl.calms(h.found, normalized));
        double best = ranked.isEmpty() ? 0 : ranked.get(0).score();
        double noneCues = sum(hits, Term.NotARequest.class);
        Map<RequestType, Double> cues = typeCues(hits);
        boolean none = isNotARequest(hits, best);
        RequestType type = ranked.isEmpty() ? RequestType.CONSULTATION : requestType(cues, ranked);
        return new KeywordEvidence(ranked, urgent, noneCues, cues, none, type);
    }

    /** Every term found in the text: exactly (characters, English words) and by pinyin. */
    private List<Hit> collect(String normalized, Lattice lattice) {
        List<Hit> hits = new ArrayList<>();
        vocabulary.chars.scan(normalized, (term, start, end) -> hits.add(new Hit(term,
                lattice.spanStart[start], lattice.spanEnd[end - 1], false, normalized.substring(start, end).strip())));
        vocabulary.typed.scan(lattice.typed, (term, start, end) -> hits.add(new Hit(term, start, end, true,
                found(normalized, lattice, start, end))));
        vocabulary.homophones.scan(lattice.exact, (term, start, end) -> {
            String found = found(normalized, lattice, start, end);
            Term t = vocabulary.terms.get(term);
            if (!found.equals(t.text()) && found.indexOf(' ') < 0 && sharesHalf(found, t.text())
                    && !(t.target() instanceof Term.ForServices s && s.kind() == Keyword.Kind.URGENT)) {
                hits.add(new Hit(term, start, end, true, found));
            }
        });
        return hits;
    }

    /**
     * A homophone typo keeps at least half of the word's characters (冰相 → 冰箱, 水笼头 → 水龙头); two unrelated
     * characters that merely sound like a word (运到 ≈ 晕倒, 期活 ≈ 起火) are a coincidence, not a typo.
     */
    /** Characters too common to show that a near-homophone is a typo of a word (不亮 is not 不凉). */
    private static final String FUNCTION_CHARS = "不了的一是有在个我你他这那就也都";

    static boolean sharesHalf(String found, String word) {
        if (found.length() != word.length()) {
            return false;
        }
        int same = 0;
        for (int i = 0; i < found.length(); i++) {
            same += found.charAt(i) == word.charAt(i) && FUNCTION_CHARS.indexOf(found.charAt(i)) < 0 ? 1 : 0;
        }
        return same * 2 >= word.length();
    }

    /** Where words of one family overlap, a word lying inside a longer one does not count on its own. */
    private List<Hit> dropContained(List<Hit> hits) {
        List<Hit> kept = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            int family = vocabulary.terms.get(h.term).target().family();
            boolean inside = false;
            for (Hit o : hits) {
                if (o != h && covers(o, h) && vocabulary.terms.get(o.term).target().family() == family) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                kept.add(h);
            }
        }
        return kept;
    }

    /**
     * Whether {@code outer} makes {@code inner} redundant: it spans it and is longer; an exact word also makes a
     * pinyin guess over the same characters redundant, but a pinyin guess never hides an exact word.
     */
    private static boolean covers(Hit outer, Hit inner) {
        if (outer.start > inner.start || inner.end > outer.end || (outer.pinyin && !inner.pinyin)) {
            return false;
        }
        return (outer.end - outer.start) > (inner.end - inner.start) || (inner.pinyin && !outer.pinyin);
    }

    /** Sums word weights per service; each data word counts once per service, at its best. */
    private Map<Integer, Candidate> score(List<Hit> hits) {
        Map<Integer, Candidate> out = new HashMap<>();
        for (Hit h : hits) {
            Term term = vocabulary.terms.get(h.term);
            if (!(term.target() instanceof Term.ForServices target)) {
                continue;
            }
            double points = term.weight() * factor(h);
            for (int s : target.services()) {
                out.computeIfAbsent(s, Candidate::new).add(term, h, points, target.kind());
            }
        }
        return out;
    }

    private static double factor(Hit h) {
        if (!h.pinyin) {
            return 1.0;
        }
        return h.found.chars().allMatch(c -> c < 0x80) ? TYPED_PINYIN_FACTOR : HOMOPHONE_FACTOR;
    }

    /** NONE when no service reaches the minimum, or greetings/thanks/adverts outweigh the best service. */
    private boolean isNotARequest(List<Hit> hits, double best) {
        double none = sum(hits, Term.NotARequest.class);
        return best < MIN_SCORE || none > best;
    }

    /** The type cue words found, summed per type (each word once). */
    private Map<RequestType, Double> typeCues(List<Hit> hits) {
        Map<RequestType, Double> scores = new EnumMap<>(RequestType.class);
        Map<Integer, Boolean> seen = new HashMap<>();
        for (Hit h : hits) {
            Term term = vocabulary.terms.get(h.term);
            if (term.target() instanceof Term.ForType t && seen.putIfAbsent(h.term, true) == null) {
                scores.merge(t.type(), term.weight(), Double::sum);
            }
        }
        return scores;
    }

    /** The best service's default type as a prior, then the type cues; ties keep the prior. */
    static RequestType requestType(Map<RequestType, Double> cues, List<Match> ranked) {
        RequestType prior = ranked.get(0).service().defaultRequestType();
        Map<RequestType, Double> scores = new EnumMap<>(RequestType.class);
        scores.putAll(cues);
        scores.merge(prior, TYPE_PRIOR, Double::sum);
        RequestType best = prior;
        for (Map.Entry<RequestType, Double> e : scores.entrySet()) {
            if (e.getValue() > scores.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    private double sum(List<Hit> hits, Class<? extends Term.Target> family) {
        Map<Integer, Double> seen = new HashMap<>();
        for (Hit h : hits) {
            Term term = vocabulary.terms.get(h.term);
            if (family.isInstance(term.target())) {
                seen.merge(h.term, term.weight(), Math::max);
            }
        }
        return seen.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** An emergency word inside a longer ordinary word is not an emergency: 着火 in 打不着火 (won't ignite). */
    private static boolean insideLonger(Hit h, List<Hit> hits) {
        return hits.stream().anyMatch(o -> o != h && !o.pinyin && covers(o, h) && o.end - o.start > h.end - h.start);
    }

    private boolean isUrgentHit(Hit h) {
        Term.Target t = vocabulary.terms.get(h.term).target();
        boolean homophone = h.pinyin && h.found.chars().anyMatch(c -> c >= 0x80);
        return !homophone && (t instanceof Term.Urgency
                || (t instanceof Term.ForServices s && s.kind() == Keyword.Kind.URGENT));
    }

    private static String found(String normalized, Lattice lattice, int start, int end) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < normalized.length(); i++) {
            if (normalized.charAt(i) != ' ' && lattice.spanStart[i] >= start && lattice.spanEnd[i] <= end
                    && lattice.spanEnd[i] > lattice.spanStart[i]) {
                out.append(normalized.charAt(i));
            } else if (normalized.charAt(i) == ' ' && out.length() > 0 && out.charAt(out.length() - 1) != ' '
                    && lattice.spanStart[i] < end && lattice.spanStart[i] > start) {
                out.append(' ');
            }
        }
        return out.toString().strip();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A term found in the text, with its span in lattice positions. */
    private record Hit(int term, int start, int end, boolean pinyin, String found) {
    }

    private static final class Candidate {
        final int service;
        final Map<String, MatchReason> byWord = new HashMap<>();
        final List<MatchReason> reasons = new ArrayList<>();
        double core;
        double context;

        Candidate(int service) {
            this.service = service;
        }

        void add(Term term, Hit hit, double points, Keyword.Kind kind) {
            MatchReason old = byWord.get(term.text());
            if (old != null && old.points() >= points) {
                return;
            }
            MatchReason reason = new MatchReason(hit.found(), term.text(), how(hit, kind), round(points));
            if (old != null) {
                reasons.remove(old);
                addPoints(old, -old.points());
            }
            byWord.put(term.text(), reason);
            reasons.add(reason);
            addPoints(reason, reason.points());
        }

        private void addPoints(MatchReason reason, double points) {
            if (reason.how() == MatchReason.How.CONTEXT) {
                context += points;
            } else {
                core += points;
            }
        }

        /** Setting words count in full beside a core word, or when no service has one; else only in part. */
        double score(boolean anyCore) {
            return core + (core > 0 || !anyCore ? context : context * CONTEXT_ONLY_FACTOR);
        }

        private static MatchReason.How how(Hit hit, Keyword.Kind kind) {
            if (hit.pinyin()) {
                return MatchReason.How.PINYIN;
            }
            return MatchReason.How.valueOf(kind.name());
        }
    }
}
