package org.hotline81890.partners.dispatch;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hotline81890.partners.AreaPattern;
import org.hotline81890.partners.OpeningHours;
import org.hotline81890.partners.Provider;

/**
 * The default policy, {@value #NAME}. Hard rules: provides the service, active, not already offered this work
 * order, covers the area, open now, below capacity. Among the rest, a score (higher first) adds:
 * <ul>
 *   <li>closeness: how precisely the coverage names the job's area (community beats a district-wide wildcard);</li>
 *   <li>free capacity: {@code 1 - active/capacity};</li>
 *   <li>rating: {@code stars / 5};</li>
 *   <li>fairness, partner companies only: minus {@link #FAIRNESS_WEIGHT} times how far the firm's share of the
 *       recent paid jobs among the eligible firms exceeds an equal share;</li>
 *   <li>minus {@link #AVOID_PENALTY} for providers to avoid (the previous provider after a reopen), which puts them
 *       last but keeps them as a fallback.</li>
 * </ul>
 * Ties break on provider id so the decision is repeatable.
 */
public final class BalancedDispatchPolicy implements DispatchPolicy {
    public static final String NAME = "balanced-v1";
    public static final double FAIRNESS_WEIGHT = 2.0;
    public static final double AVOID_PENALTY = 10.0;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT);
    private static final Comparator<RankedCandidate> BEST_FIRST = Comparator
            .comparingDouble(RankedCandidate::score).reversed()
            .thenComparing(candidate -> candidate.provider().id());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DispatchDecision decide(DispatchRequest request, ProviderIndex providers, LoadView load) {
        List<Provider> offering = providers.providing(request.service());
        Rejections rejections = new Rejections();
        List<Eligible> eligible = new ArrayList<>();
        for (Provider provider : offering) {
            eligibility(provider, request, load, rejections).ifPresent(eligible::add);
        }
        if (eligible.isEmpty()) {
            return new DispatchDecision.NoCandidate(NAME,
                    rejections.describe(request, offering.size(), localTime(request.now())));
        }
        Fairness fairness = Fairness.among(eligible, load);
        List<RankedCandidate> ranked = new ArrayList<>(eligible.size());
        for (Eligible candidate : eligible) {
            ranked.add(score(candidate, request, fairness));
        }
        ranked.sort(BEST_FIRST);
        return new DispatchDecision.Chosen(NAME, ranked);
    }

    private static Optional<Eligible> eligibility(
            Provider provider, DispatchRequest request, LoadView load, Rejections rejections) {
        if (!provider.isActive()) {
            rejections.suspended();
            return Optional.empty();
        }
        if (request.excluded().contains(provider.id())) {
            rejections.tried();
            return Optional.empty();
        }
        Optional<AreaPattern> match = provider.coverage().bestMatch(request.area());
        if (match.isEmpty()) {
            rejections.outsideArea();
            return Optional.empty();
        }
        if (!provider.hours().isOpenAt(request.now())) {
            rejections.closed();
            return Optional.empty();
        }
        int active = load.activeJobs(provider.id());
        if (!provider.capacity().hasRoomFor(active)) {
            rejections.full();
            return Optional.empty();
        }
        return Optional.of(new Eligible(provider, match.get(), active));
    }

    private static RankedCandidate score(Eligible candidate, DispatchRequest request, Fairness fairness) {
        Provider provider = candidate.provider();
        int levels = request.area().levels().size();
        double closeness = (double) candidate.match().specificity() / levels;
        int capacity = provider.capacity().maxConcurrentJobs();
        double room = 1.0 - (double) candidate.active() / capacity;
        double stars = provider.rating().stars();
        List<String> reasons = new ArrayList<>(6);
        reasons.add("provides " + request.service() + " and covers " + request.area() + " via " + candidate.match());
        reasons.add(provider.hours().alwaysOpen() ? "open 24h" : "open now (" + localTime(request.now()) + ")");
        reasons.add("load " + candidate.active() + "/" + capacity);
        reasons.add("rating " + stars);
        double score = closeness + room + stars / 5.0;
        if (provider.kind().isPaid()) {
            double excess = fairness.excessShare(candidate);
            score -= FAIRNESS_WEIGHT * excess;
            reasons.add(fairness.describe(candidate));
        }
        if (request.avoid().contains(provider.id())) {
            score -= AVOID_PENALTY;
            reasons.add("ranked last: handled this work order before the resident reopened it");
        }
        return new RankedCandidate(provider, score, reasons);
    }

    private static String localTime(Instant now) {
        return LOCAL.format(LocalDateTime.ofInstant(now, OpeningHours.SHANGHAI));
    }

    record Eligible(Provider provider, AreaPattern match, int active) {
    }
}
