package org.hotline81890.partners.dispatch;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
 * </ul>
 * Also hard rules: a provider whose work on this order the resident found unsatisfying is never offered it again;
 * of a service several kinds of provider share ({@link SharedServices}), only the kind the request's words name
 * (or generalists) may take it. A tie is broken by a draw seeded with the work order ({@link Draw}): the same job
 * gets the same decision, and equal providers get equal shares, never the lower id first. A decision lists the
 * best {@value #MAX_RANKED}, each with its reasons in words.
 */
public final class BalancedDispatchPolicy implements DispatchPolicy {
    public static final String NAME = "balanced-v1";
    public static final double FAIRNESS_WEIGHT = 2.0;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT);
    /**
     * How many of the best candidates a decision lists. The dispatcher offers to the first and decides afresh
     * (with current load) after a decline or timeout, so a longer list would only cost time.
     */
    public static final int MAX_RANKED = 10;

    private final SharedServices shared;

    public BalancedDispatchPolicy() {
        this(SharedServices.DEFAULT);
    }

    public BalancedDispatchPolicy(SharedServices shared) {
        this.shared = shared;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DispatchDecision decide(DispatchRequest request, ProviderIndex providers, LoadView load) {
        List<Provider> offering = providers.providing(request.service());
        Rejections rejections = new Rejections();
        LocalDateTime local = LocalDateTime.ofInstant(request.now(), OpeningHours.SHANGHAI);
        List<Eligible> eligible = new ArrayList<>();
        long seed = Draw.seed(request.tieSeed());
        Optional<SharedServices.Shared> sharing = shared.of(request.service());
        Optional<SharedServices.Remit> named = shared.remit(request.service(), request.words());
        for (Provider provider : offering) {
            if (sharing.isPresent() && !servesNamedRemit(sharing.get(), named, provider, rejections)) {
                continue;
            }
            eligibility(provider, request, local, load, rejections, seed).ifPresent(eligible::add);
        }
        if (eligible.isEmpty()) {
            return new DispatchDecision.NoCandidate(NAME,
                    rejections.describe(request, offering.size(), LOCAL.format(local)));
        }
        Fairness fairness = Fairness.among(eligible, load);
        TopCandidates top = new TopCandidates(MAX_RANKED);
        for (Eligible candidate : eligible) {
            top.offer(candidate, score(candidate, request, fairness));
        }
        Words words = new Words(request.service() + " and covers " + request.area() + " via ", LOCAL.format(local),
                named.map(r -> "the request is about " + r.label()));
        List<RankedCandidate> ranked = new ArrayList<>(top.size());
        for (int rank = 0; rank < top.size(); rank++) {
            Eligible candidate = top.get(rank);
            ranked.add(new RankedCandidate(candidate.provider(), top.score(rank),
                    reasons(candidate, request, fairness, words)));
        }
        return new DispatchDecision.Chosen(NAME, ranked);
    }

    private static Optional<Eligible> eligibility(Provider provider, DispatchRequest request, LocalDateTime local,
            LoadView load, Rejections rejections, long seed) {
        if (!provider.isActive()) {
            rejections.suspended();
            return Optional.empty();
        }
        if (request.excluded().contains(provider.id())) {
            rejections.tried();
            return Optional.empty();
        }
        if (request.unsatisfied().contains(provider.id())) {
            rejections.unsatisfied();
            return Optional.empty();
        }
        Optional<AreaPattern> match = provider.coverage().bestMatch(request.area());
        if (match.isEmpty()) {
            rejections.outsideArea();
            return Optional.empty();
        }
        OpeningHours hours = provider.hours();
        boolean open = hours.zone().equals(OpeningHours.SHANGHAI)
                ? hours.isOpenAtLocal(local)
                : hours.isOpenAt(request.now());
        if (!open) {
            rejections.closed();
            return Optional.empty();
        }
        int active = load.activeJobs(provider.id());
        if (!provider.capacity().hasRoomFor(active)) {
            rejections.full();
            return Optional.empty();
        }
        return Optional.of(new Eligible(provider, match.get(), active, Draw.of(seed, provider.id())));
    }

    /** Of a shared service: a generalist, or a provider of the remit the request names; else left out. */
    private static boolean servesNamedRemit(SharedServices.Shared sharing, Optional<SharedServices.Remit> named,
            Provider provider, Rejections rejections) {
        List<SharedServices.Remit> remits = SharedServices.remitsOf(sharing, provider);
        if (remits.isEmpty() || named.isPresent() && remits.contains(named.get())) {
            return true;
        }
        if (named.isPresent()) {
            rejections.otherRemit(named.get().label());
        } else {
            rejections.unnamedRemit(sharing.labels());
        }
        return false;
    }

    private static double score(Eligible candidate, DispatchRequest request, Fairness fairness) {
        Provider provider = candidate.provider();
        double closeness = (double) candidate.match().specificity() / request.area().levels().size();
        double room = 1.0 - (double) candidate.active() / provider.capacity().maxConcurrentJobs();
        double score = closeness + room + provider.rating().stars() / 5.0;
        if (provider.kind().isPaid()) {
            score -= FAIRNESS_WEIGHT * fairness.excessShare(candidate);
        }
        return score;
    }

    private static List<String> reasons(Eligible candidate, DispatchRequest request, Fairness fairness, Words words) {
        Provider provider = candidate.provider();
        List<String> reasons = new ArrayList<>(6);
        reasons.add("provides " + words.serviceAndArea() + candidate.match());
        reasons.add(provider.hours().alwaysOpen() ? "open 24h" : "open now (" + words.localTime() + ")");
        reasons.add("load " + candidate.active() + "/" + provider.capacity().maxConcurrentJobs());
        reasons.add("rating " + provider.rating().stars());
        if (provider.kind().isPaid()) {
            reasons.add(fairness.describe(candidate));
        }
        words.remit().ifPresent(reasons::add);
        return reasons;
    }

    /** Text shared by every candidate's reasons, built once per decision. */
    private record Words(String serviceAndArea, String localTime, Optional<String> remit) {
    }

    record Eligible(Provider provider, AreaPattern match, int active, long draw) {
    }
}
