package org.hotline81890.gateway.channel.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vertx.core.json.JsonObject;
import org.hotline81890.directory.Fee;
import org.hotline81890.directory.Fees;
import org.hotline81890.gateway.channel.http.KpiReport;
import org.hotline81890.gateway.dispatch.CompletionRecord;
import org.hotline81890.gateway.dispatch.JobCompletion;
import org.hotline81890.gateway.dispatch.JobFacts;
import org.hotline81890.gateway.dispatch.SurveyOutcomes;
import org.hotline81890.partners.kpi.SurveyAnswer;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferState;
import org.hotline81890.partners.privacy.JobViews;
import org.hotline81890.partners.store.OfferStore;

/**
 * What a provider's desk shows, read for one provider only: open offers (restricted view), jobs in hand (address,
 * masked number, masked text), the last finished ones with the residents' survey answers, and the scorecard. Reads
 * only; every action goes through the partner use cases.
 */
public final class ProviderDesk {
    static final int HISTORY = 30;
    static final Duration SCORE_WINDOW = Duration.ofDays(30);
    private final OfferStore offers;
    private final WorkOrderStore store;
    private final JobFacts facts;
    private final KpiReport kpis;
    private final SurveyOutcomes surveys;
    private final JobCompletion completions;
    private final Fees fees;
    private final Clock clock;

    public ProviderDesk(OfferStore offers, WorkOrderStore store, JobFacts facts, KpiReport kpis,
                        SurveyOutcomes surveys, JobCompletion completions, Fees fees, Clock clock) {
        this.completions = completions;
        this.fees = fees;
        this.offers = offers;
        this.store = store;
        this.facts = facts;
        this.kpis = kpis;
        this.surveys = surveys;
        this.clock = clock;
    }

    /** The live part: offers waiting for an answer and jobs in hand, newest first. */
    public record Board(List<DeskCard> offers, List<DeskCard> jobs, List<DeskCard> overdue) {
    }

    /** A finished job and, when the resident answered, the survey. */
    public record Past(DeskCard card, String ticketState, Optional<SurveyAnswer> survey) {
    }

    public Board board(ProviderId provider) {
        Instant now = clock.instant();
        List<Offer> mine = offers.forProvider(provider);
        List<DeskCard> open = mine.stream().filter(o -> o.state() == OfferState.OFFERED && !o.acceptDeadlinePassed(now))
                .sorted(Comparator.comparing(Offer::acceptBy)).map(this::card).flatMap(Optional::stream).toList();
        List<DeskCard> jobs = mine.stream().filter(o -> o.state().isActiveJob())
                .sorted(Comparator.comparing(Offer::offeredAt).reversed()).map(this::card)
                .flatMap(Optional::stream).toList();
        List<DeskCard> overdue = jobs.stream().filter(c -> c.overdue()
                || c.handleBy().map(now::isAfter).orElse(false)).toList();
        return new Board(open, jobs, overdue);
    }

    public List<Past> history(ProviderId provider) {
        List<Offer> done = offers.forProvider(provider).stream().filter(o -> o.state().isFinal()
                        && o.acceptedAt().isPresent())
                .sorted(Comparator.comparing((Offer o) -> o.finishedAt().orElse(o.offeredAt())).reversed())
                .limit(HISTORY).toList();
        Map<String, SurveyAnswer> answers = new HashMap<>();
        surveys.since(clock.instant().minus(Duration.ofDays(90))).forEach(a -> answers.put(a.workOrder(), a.answer()));
        return done.stream().map(o -> card(o).map(c -> new Past(c, order(o).map(w -> w.state().name()).orElse(""),
                Optional.ofNullable(answers.get(o.job().workOrder().value()))))).flatMap(Optional::stream).toList();
    }

    /** A volunteer's (or team's) service record: completed tasks and the time from start to completion. */
    public record ServiceHours(int tasks, Duration served) {
        public String hours() {
            return Math.round(served.toMinutes() / 6.0) / 10.0 + "";
        }
    }

    /**
     * Volunteer hours of one volunteer provider (an individual volunteer is a provider of their own): each completed
     * task counts from its start (出发) to its completion, or from acceptance when no start was reported.
     */
    public ServiceHours serviceHours(ProviderId provider) {
        Duration total = Duration.ZERO;
        int tasks = 0;
        for (Offer o : offers.forProvider(provider)) {
            if (o.state() == OfferState.COMPLETED && o.finishedAt().isPresent()) {
                total = total.plus(served(o));
                tasks++;
            }
        }
        return new ServiceHours(tasks, total);
    }

    /** One volunteer's record within a team: the person who completed each task on the desk. */
    public record PersonHours(String login, String name, ServiceHours hours) {
    }

    /**
     * Volunteer hours per person (issue 14: "counted per volunteer"): each completed task counts for the login that
     * completed it on the desk, the way {@link #serviceHours} counts it; tasks completed by SMS or the API name no
     * person and count only for the team. Most hours first.
     */
    public List<PersonHours> hoursByPerson(ProviderId provider) {
        Map<String, CompletionRecord.Worker> who = new HashMap<>();
        completions.ofProvider(provider).forEach(r -> r.by().ifPresent(w -> who.put(r.offer().value(), w)));
        Map<String, PersonHours> byLogin = new HashMap<>();
        for (Offer o : offers.forProvider(provider)) {
            CompletionRecord.Worker w = who.get(o.id().value());
            if (w == null || o.state() != OfferState.COMPLETED || o.finishedAt().isEmpty()) {
                continue;
            }
            PersonHours before = byLogin.getOrDefault(w.login(), new PersonHours(w.login(), w.name(),
                    new ServiceHours(0, Duration.ZERO)));
            byLogin.put(w.login(), new PersonHours(w.login(), w.name(), new ServiceHours(before.hours().tasks() + 1,
                    before.hours().served().plus(served(o)))));
        }
        return byLogin.values().stream().sorted(Comparator.comparing((PersonHours h) -> h.hours().served())
                .reversed().thenComparing(PersonHours::login)).toList();
    }

    /** From its start (出发) to its completion, or from acceptance when no start was reported. */
    private static Duration served(Offer o) {
        Instant to = o.finishedAt().orElseThrow();
        Instant from = o.startedAt().filter(s -> s.isBefore(to)).or(o::answeredAt).orElse(to);
        return Duration.between(from, to);
    }

    /** The KPI scorecard; empty for a login whose provider is not (or no longer) in the table. */
    public JsonObject scorecard(ProviderId provider) {
        try {
            return kpis.scorecard(provider, clock.instant().minus(SCORE_WINDOW));
        } catch (java.util.NoSuchElementException e) {
            return new JsonObject();
        }
    }

    /** The offer if it is this provider's, with its work order (for the department's audited detail). */
    public Optional<Mine> mine(ProviderId provider, String offerId) {
        Optional<Offer> offer;
        try {
            offer = offers.find(new org.hotline81890.partners.offer.OfferId(offerId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return offer.filter(o -> o.provider().equals(provider))
                .flatMap(o -> order(o).map(w -> new Mine(o, w, DeskCard.of(o, JobViews.forProvider(o,
                        facts.details(w)), pay(o)))));
    }

    /** One of the provider's offers with its work order. */
    public record Mine(Offer offer, WorkOrder order, DeskCard card) {
    }

    private Optional<DeskCard> card(Offer offer) {
        return order(offer).map(w -> DeskCard.of(offer, JobViews.forProvider(offer, facts.details(w)), pay(offer)));
    }

    private String pay(Offer offer) {
        return fees.of(offer.job().service().value()).map(Fee::display).orElse("");
    }

    private Optional<WorkOrder> order(Offer offer) {
        return store.find(new WorkOrderId(Long.parseLong(offer.job().workOrder().value())));
    }
}
