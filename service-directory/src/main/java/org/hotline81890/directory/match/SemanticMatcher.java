package org.hotline81890.directory.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline81890.directory.AreaTree;
import org.hotline81890.directory.Directory;
import org.hotline81890.directory.Keyword;
import org.hotline81890.directory.LabelledExample;
import org.hotline81890.directory.ProviderKind;
import org.hotline81890.directory.RequestType;
import org.hotline81890.directory.Service;
import org.hotline81890.directory.semantic.ExampleMemory;
import org.hotline81890.directory.semantic.SentenceEncoder;
import org.hotline81890.directory.semantic.VectorCache;

/**
 * The whole matcher: rules for input with nothing to match, the keyword and pinyin stage, the semantic stage
 * (sentence vectors against the services' descriptions and the labelled examples), and the trained combiner whose
 * probability ranks the services, decides NONE and asks an agent when it is unsure; then the emergency rule (an
 * emergency is never NONE and never goes to an ordinary shop) and the near-duplicate rule (a text almost identical
 * to a labelled example, such as an agent's confirmed correction, takes that example's answer). Thread-safe.
 */
public final class SemanticMatcher implements Matcher {
    /** A labelled example at least this similar is the same request said again: its label wins. */
    static final double SAME_REQUEST = 0.97;
    private static final int MAX_MATCHES = 10;

    private final Directory directory;
    private final TextMatcher keywords;
    private final SentenceEncoder encoder;
    private final ExampleMemory memory;
    private final SemanticStage stage;
    private final LatinNearest latin;
    private final Combiner combiner;
    private final TypeModel types;
    private final double askBelow;
    private final PlaceNames places;

    SemanticMatcher(Directory directory, TextMatcher keywords, SentenceEncoder encoder, ExampleMemory memory,
                    float[][] protos, float[][] english, MatcherModel model, PlaceNames places) {
        this.directory = directory;
        this.keywords = keywords;
        this.places = places;
        this.encoder = encoder;
        this.memory = memory;
        this.stage = new SemanticStage(directory, protos, memory);
        this.latin = new LatinNearest(directory, english, memory, stage);
        this.combiner = new Combiner(model.combiner());
        this.types = new TypeModel(model.types());
        this.askBelow = model.askBelow();
    }

    /**
     * Builds the matcher: vectors of the descriptions and examples come from {@code cache} where known; the names
     * of {@code areas} are set aside from every text before matching (ADR 0044).
     */
    public static SemanticMatcher create(Directory directory, List<LabelledExample> examples, SentenceEncoder encoder,
                                         VectorCache cache, MatcherModel model, AreaTree areas) {
        TextMatcher keywords = new TextMatcher(directory);
        PlaceNames places = PlaceNames.of(areas, word -> !keywords.evidence(word).ranked().isEmpty());
        ExampleMemory memory = new ExampleMemory(encoder.dimension());
        memory.addAll(examples, cache.vectorsOf(examples.stream()
                .map(e -> places.setAside(InputGuard.clean(e.text()))).toList(), encoder));
        List<float[]> protos = cache.vectorsOf(descriptions(directory), encoder);
        List<float[]> english = cache.vectorsOf(LatinNearest.descriptions(directory), encoder);
        return new SemanticMatcher(directory, keywords, encoder, memory, protos.toArray(new float[0][]),
                english.toArray(new float[0][]), model, places);
    }

    /** What the semantic stage compares a text with for each service: its name and description. */
    static List<String> descriptions(Directory directory) {
        return directory.services().stream().map(s -> s.nameZh() + "：" + s.description()).toList();
    }

    /** Adds a labelled example (a confirmed correction) to the nearest-example memory, effective at once. */
    public void remember(LabelledExample example) {
        memory.add(example, encoder.encode(places.setAside(InputGuard.clean(example.text()))));
    }

    public int examples() {
        return memory.size();
    }

    @Override
    public MatchResult match(String text) {
        String said = InputGuard.clean(text);
        String cleaned = places.setAside(said);
        if (InputGuard.nothingToMatch(cleaned)) {
            String note = InputGuard.nothingToMatch(said) ? "no words to match" : "only a place: no words to match";
            return new MatchResult(List.of(), RequestType.CONSULTATION, false, List.of(note), 1.0, false);
        }
        KeywordEvidence kw = keywords.evidence(cleaned);
        if (InputGuard.latin(cleaned)) {
            return lexical(kw, cleaned);
        }
        Evidence ev = stage.evidence(kw, false, cleaned, encoder.encode(cleaned), -1);
        return decide(ev);
    }

    /**
     * English and pinyin keep the keyword and pinyin path: its answer first, sent to an agent when no service word
     * was strong (below {@link #LEXICAL_SURE} points). Behind it, the services nearest in the sentence model by their
     * English descriptions and Latin-script examples fill the top three (English only: the model reads pinyin as
     * noise, so typed pinyin keeps the keyword stage's order). With no data word and no not-a-request cue, the
     * nearest service answers, sent to an agent, when it is clearly nearer than any non-request (ADR 0017).
     */
    private MatchResult lexical(KeywordEvidence kw, String cleaned) {
        List<String> notes = new ArrayList<>(List.of("latin script: keyword and pinyin path"));
        if (kw.none() && (kw.noneCues() > 0 || kw.urgent())) {
            notes.add("not a request");
            return new MatchResult(List.of(), kw.requestType(), kw.urgent(), notes, LEXICAL_CONFIDENCE,
                    kw.urgent());
        }
        if (kw.none()) {
            LatinNearest.Ranking near = latin.rank(encoder.encode(cleaned));
            if (!near.answers()) {
                notes.add("not a request");
                return new MatchResult(List.of(), kw.requestType(), false, notes, LEXICAL_CONFIDENCE, false);
            }
            notes.add("no data word: the nearest English description or example");
            List<Match> nearest = near.services().stream().map(LatinNearest.Near::match).toList();
            // the type as the keyword stage would give it for the nearest service: its default, then the cues
            return new MatchResult(nearest, TextMatcher.requestType(kw.typeCues(), nearest), false, notes,
                    LEXICAL_UNSURE, true);
        }
        boolean sure = kw.best() >= LEXICAL_SURE;
        List<Match> ranked = kw.ranked();
        boolean pinyin = ranked.get(0).reasons().stream().allMatch(r -> r.how() == MatchReason.How.PINYIN);
        List<Match> out = pinyin ? ranked : interleave(ranked, latin.rank(encoder.encode(cleaned)));
        // an English emergency is help, as a Chinese one is (ADR 0043): the cue words read it as a question
        RequestType type = emergencyIsHelp(kw.urgent(), out.get(0).service(), kw.requestType());
        return new MatchResult(out, type, kw.urgent(), notes, sure ? LEXICAL_CONFIDENCE : LEXICAL_UNSURE, !sure);
    }

    /** The keyword answer first, then the nearest services and the keyword stage's others in turn. */
    private static List<Match> interleave(List<Match> keywords, LatinNearest.Ranking near) {
        List<Match> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int k = 0;
        int s = 0;
        while (out.size() < MAX_MATCHES && (k < keywords.size() || s < near.services().size())) {
            boolean fromKeywords = k < keywords.size() && (out.size() % 2 == 0 || s >= near.services().size());
            Match m = fromKeywords ? keywords.get(k++) : near.services().get(s++).match();
            if (seen.add(m.service().code())) {
                out.add(m);
            }
        }
        return out;
    }

    /** One ordinary data word and a half: enough for the keyword path to answer without an agent. */
    static final double LEXICAL_SURE = 1.5;
    private static final double LEXICAL_CONFIDENCE = 0.9;
    private static final double LEXICAL_UNSURE = 0.5;

    MatchResult decide(Evidence ev) {
        List<Combiner.Ranked> ranked = new ArrayList<>(combiner.rank(ev));
        List<String> notes = new ArrayList<>();
        sameRequestFirst(ev, ranked, notes);
        boolean urgent = ev.keywords().urgent();
        if (urgent) {
            emergencyFirst(ranked, notes);
        }
        Combiner.Ranked top = ranked.get(0);
        boolean none = top.candidate() == Combiner.NONE;
        List<Match> matches = none ? List.of() : matches(ev, ranked);
        Service first = none ? null : matches.get(0).service();
        RequestType type = emergencyIsHelp(urgent, first,
                types.type(ev, first, none ? null : stage.typeShare(ranked.get(0).candidate())));
        boolean ask = top.probability() < askBelow;
        return new MatchResult(matches, type, urgent, notes, round(top.probability()), ask);
    }

    /**
     * An emergency sent to the emergency category, or to a service with its own emergency words (gas repairs, lift
     * rescue), is a call for help, even when it ends in "怎么办" or asks where to go; a complaint (the lift rescue
     * still has not come) stays a complaint.
     */
    static RequestType emergencyIsHelp(boolean urgent, Service first, RequestType type) {
        boolean emergencyService = first != null && (first.category().code().equals(EMERGENCY_CATEGORY)
                || first.keywords().stream().anyMatch(k -> k.kind() == Keyword.Kind.URGENT));
        return urgent && emergencyService && type == RequestType.CONSULTATION ? RequestType.HELP : type;
    }

    private static final String EMERGENCY_CATEGORY = "ER";

    /** A near-identical labelled example (say, an agent's confirmed correction) decides. */
    private void sameRequestFirst(Evidence ev, List<Combiner.Ranked> ranked, List<String> notes) {
        Optional<Evidence.Nearest> nearest = ev.nearest().filter(n -> n.similarity() >= SAME_REQUEST);
        if (nearest.isEmpty()) {
            return;
        }
        LabelledExample e = nearest.get().example();
        int label = e.serviceCode().map(stage::serviceIndex).orElse(Combiner.NONE);
        moveFirst(ranked, label, nearest.get().similarity());
        notes.add("same request as " + e.source());
    }

    /** An emergency is never NONE and never goes first to a shop: a service that can take emergencies leads. */
    private void emergencyFirst(List<Combiner.Ranked> ranked, List<String> notes) {
        ranked.removeIf(r -> r.candidate() == Combiner.NONE);
        for (Combiner.Ranked r : ranked) {
            if (takesEmergencies(directory.services().get(r.candidate()))) {
                if (r != ranked.get(0)) {
                    notes.add("emergency: " + directory.services().get(r.candidate()).code() + " first");
                }
                ranked.remove(r);
                ranked.add(0, r);
                return;
            }
        }
        int referral = stage.serviceIndex(EMERGENCY_REFERRAL);
        ranked.removeIf(r -> r.candidate() == referral);
        ranked.add(0, new Combiner.Ranked(referral, 0));
        notes.add("emergency: referral");
    }

    /** The emergency referral service (110/120/119), for an emergency no candidate can take. */
    static final String EMERGENCY_REFERRAL = "ER-04";

    /** Departments, the emergency category and the services with their own emergency words (gas, lifts). */
    static boolean takesEmergencies(Service s) {
        return s.providerKind() == ProviderKind.DEPARTMENT || s.category().code().equals("ER")
                || s.keywords().stream().anyMatch(k -> k.kind() == Keyword.Kind.URGENT);
    }

    private static void moveFirst(List<Combiner.Ranked> ranked, int candidate, double probability) {
        ranked.removeIf(r -> r.candidate() == candidate);
        ranked.add(0, new Combiner.Ranked(candidate, Math.max(probability, 0)));
    }

    private List<Match> matches(Evidence ev, List<Combiner.Ranked> ranked) {
        List<Match> out = new ArrayList<>();
        for (Combiner.Ranked r : ranked) {
            if (r.candidate() == Combiner.NONE || out.size() == MAX_MATCHES) {
                continue;
            }
            Service s = directory.services().get(r.candidate());
            List<MatchReason> reasons = new ArrayList<>(keywordReasons(ev, s));
            ev.nearestOf(r.candidate()).ifPresent(n -> reasons.add(MatchReason.example(n.example().text(), s.code(),
                    round(n.similarity()))));
            out.add(new Match(s, round(r.probability()), reasons));
        }
        return out;
    }

    private static List<MatchReason> keywordReasons(Evidence ev, Service s) {
        return ev.keywords().ranked().stream().filter(m -> m.service().code().equals(s.code())).findFirst()
                .map(Match::reasons).orElse(List.of());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
