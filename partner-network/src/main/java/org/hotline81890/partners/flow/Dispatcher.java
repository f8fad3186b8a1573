package org.hotline81890.partners.flow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.dispatch.AfterHours;
import org.hotline81890.partners.dispatch.AfterHoursDecision;
import org.hotline81890.partners.dispatch.DispatchDecision;
import org.hotline81890.partners.dispatch.DispatchPolicy;
import org.hotline81890.partners.dispatch.DispatchRequest;
import org.hotline81890.partners.dispatch.LoadView;
import org.hotline81890.partners.dispatch.ProviderIndex;
import org.hotline81890.partners.dispatch.RankedCandidate;
import org.hotline81890.partners.offer.DispatchJob;
import org.hotline81890.partners.offer.HandlingDeadlines;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.OfferState;
import org.hotline81890.partners.offer.OfferTerms;
import org.hotline81890.partners.offer.PromisedDeadlines;
import org.hotline81890.partners.offer.WorkOrderRef;
import org.hotline81890.partners.store.HeldJobs;
import org.hotline81890.partners.store.OfferStore;

/**
 * Places a work order with a provider and moves on when they do not take it: dispatch, decline or timeout →
 * the next candidate, no one left → escalate. Providers already offered this work order are never offered it
 * again; after a reopen, whoever completed it before (the work the resident found unsatisfying) is not offered it
 * again either. Offer deadlines come from the work order's promises ({@link PromisedDeadlines}).
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private final Supplier<ProviderIndex> providers;
    private final OfferStore offers;
    private final DispatchPolicy policy;
    private final OfferTerms terms;
    private final PromisedDeadlines deadlines;
    private final Clock clock;
    private final Supplier<OfferId> ids;
    private final AfterHours afterHours;
    private final HeldJobs held;

    /** Nobody open escalates at once ({@link AfterHours#escalateAlways()}). */
    public Dispatcher(Supplier<ProviderIndex> providers, OfferStore offers, DispatchPolicy policy, OfferTerms terms,
            HandlingDeadlines deadlines, Clock clock, Supplier<OfferId> ids) {
        this(providers, offers, policy, terms, deadlines, clock, ids, AfterHours.escalateAlways());
    }

    /** {@code afterHours}: what a job waits for, or not, when nobody who could take it is open (ADR 0019). */
    public Dispatcher(Supplier<ProviderIndex> providers, OfferStore offers, DispatchPolicy policy, OfferTerms terms,
            HandlingDeadlines deadlines, Clock clock, Supplier<OfferId> ids, AfterHours afterHours) {
        this(providers, offers, policy, terms, deadlines, clock, ids, afterHours, HeldJobs.NONE);
    }

    /** {@code held}: the jobs held for an opening, counted when holding the next (ADR 0019). */
    public Dispatcher(Supplier<ProviderIndex> providers, OfferStore offers, DispatchPolicy policy, OfferTerms terms,
            HandlingDeadlines deadlines, Clock clock, Supplier<OfferId> ids, AfterHours afterHours, HeldJobs held) {
        this.held = Objects.requireNonNull(held);
        this.afterHours = Objects.requireNonNull(afterHours);
        this.providers = Objects.requireNonNull(providers);
        this.offers = Objects.requireNonNull(offers);
        this.policy = Objects.requireNonNull(policy);
        this.terms = Objects.requireNonNull(terms);
        this.deadlines = new PromisedDeadlines(terms, Objects.requireNonNull(deadlines));
        this.clock = Objects.requireNonNull(clock);
        this.ids = Objects.requireNonNull(ids);
    }

    /** Offers the job to the best provider not yet tried for this work order (new, reopened or after a decline). */
    public DispatchResult dispatch(DispatchJob job) {
        return dispatch(job, offers.forWorkOrder(job.workOrder()));
    }

    /**
     * The opening a held job waited for came: it no longer counts as held; dispatch it then as any job (it may be
     * offered, held again or escalated), unless it left dispatch meanwhile.
     */
    public void releaseHold(WorkOrderRef workOrder) {
        held.release(workOrder);
    }

    /**
     * A supervisor sends the job back to dispatch (督办): the best provider not yet tried and not in
     * {@code alsoExcluded}.
     */
    public DispatchResult dispatchExcluding(DispatchJob job, Set<ProviderId> alsoExcluded) {
        return dispatch(job, offers.forWorkOrder(job.workOrder()), alsoExcluded, true);
    }

    /**
     * A supervisor gives the job to the provider they chose (督办 reassignment), whatever the policy would rank:
     * an offer on the usual terms. Refused ({@link DispatchResult.StillOpen}) while another offer is open.
     */
    public DispatchResult assign(DispatchJob job, Provider chosen, String why) {
        Optional<Offer> open = offers.forWorkOrder(job.workOrder()).stream().filter(o -> o.state().isOpen())
                .findFirst();
        if (open.isPresent()) {
            return new DispatchResult.StillOpen(open.get());
        }
        return offer(job, new RankedCandidate(chosen, 0, List.of(why)), "supervisor", clock.instant());
    }

    /** {@code history}: the work order's offers as just read (read once per decision). */
    private DispatchResult dispatch(DispatchJob job, List<Offer> history) {
        return dispatch(job, history, Set.of(), false);
    }

    /** {@code supervised}: a supervisor sent it back (督办); nobody now means 督办 again, never a wait. */
    private DispatchResult dispatch(DispatchJob job, List<Offer> history, Set<ProviderId> alsoExcluded,
            boolean supervised) {
        Optional<Offer> open = history.stream().filter(offer -> offer.state().isOpen()).findFirst();
        if (open.isPresent()) {
            return new DispatchResult.StillOpen(open.get());
        }
        Instant now = clock.instant();
        Set<ProviderId> excluded = new HashSet<>(alsoExcluded);
        Set<ProviderId> unsatisfied = new HashSet<>();
        for (Offer offer : history) {
            if (offer.state().isTurnedDown()) {
                excluded.add(offer.provider());
            } else {
                unsatisfied.add(offer.provider());
            }
        }
        LoadView load = LoadView.of(offers.activeJobCounts(), offers.acceptedSince(now.minus(terms.fairnessWindow())));
        ProviderIndex index = providers.get();
        DispatchRequest request = new DispatchRequest(job.service(), job.area(), now, excluded, unsatisfied,
                job.words(), job.workOrder().value());
        DispatchDecision decision = policy.decide(request, index, load);
        return switch (decision) {
            case DispatchDecision.Chosen chosen -> offer(job, chosen.best(), chosen.policy(), now);
            case DispatchDecision.NoCandidate none -> supervised
                    ? escalate(job, none, List.of())
                    : afterHours(job, request, index, load, none);
        };
    }

    /** Nobody can take it now: wait for an opening or escalate, as the night and weekend policy says. */
    private DispatchResult afterHours(DispatchJob job, DispatchRequest request, ProviderIndex index, LoadView load,
            DispatchDecision.NoCandidate none) {
        AfterHoursDecision unlocked = afterHours.decide(job, request, index, load, policy);
        // Counting held jobs only ever turns a hold into 督办, so a job escalated without them is escalated.
        AfterHoursDecision decision = unlocked instanceof AfterHoursDecision.Escalate ? unlocked
                : held.exclusively(() -> holdCountingHeld(job, request, index, load));
        return switch (decision) {
            case AfterHoursDecision.Hold hold -> {
                LOG.info("work order {} held: nobody open for {} in {}; offered at {} ({}: {})", job.workOrder(),
                        job.service(), job.area(), hold.offerAt(), hold.serviceClass(), hold.rule().wire());
                yield new DispatchResult.Held(job.workOrder(), hold, none.reasons());
            }
            case AfterHoursDecision.Escalate e -> escalate(job, none, e.why().isBlank() ? List.of()
                    : List.of("after hours: " + e.why()));
        };
    }

    /** The night policy's decision with the jobs already held counted; a hold is recorded at once. */
    private AfterHoursDecision holdCountingHeld(DispatchJob job, DispatchRequest request, ProviderIndex index,
            LoadView load) {
        AfterHoursDecision d = afterHours.decide(job, request, index, load, policy, held::offeredBy);
        if (d instanceof AfterHoursDecision.Hold hold) {
            held.hold(job.workOrder(), ProviderId.of(hold.firstOpen()), hold.offerAt());
        }
        return d;
    }

    private static DispatchResult escalate(DispatchJob job, DispatchDecision.NoCandidate none, List<String> more) {
        LOG.info("work order {} escalates: no candidate for {} in {}", job.workOrder(), job.service(), job.area());
        List<String> reasons = new ArrayList<>(none.reasons());
        reasons.addAll(more);
        return new DispatchResult.Escalate(job.workOrder(), none.policy(), reasons);
    }

    /** The accept deadline fired: expire the offer if still unanswered, then offer the next candidate. */
    public DispatchResult onAcceptDeadline(OfferId id) {
        return offers.find(id).map(this::onAcceptDeadline)
                .orElseGet(() -> new DispatchResult.Unchanged("no offer " + id));
    }

    /**
     * The same for an offer the caller has seen (found to know which work order to lock): reads the work order's
     * offers once, takes the offer's current version from them, and decides the next offer on that same history.
     */
    public DispatchResult onAcceptDeadline(Offer seen) {
        return onAcceptDeadline(seen, seen.job());
    }

    /**
     * As {@link #onAcceptDeadline(Offer)}, dispatching {@code current} (the job as the work order says now: its
     * words and promises, which stored offers do not carry) to the next candidate.
     */
    public DispatchResult onAcceptDeadline(Offer seen, DispatchJob current) {
        OfferId id = seen.id();
        List<Offer> history = new ArrayList<>(offers.forWorkOrder(seen.job().workOrder()));
        int at = -1;
        for (int i = 0; i < history.size() && at < 0; i++) {
            at = history.get(i).id().equals(id) ? i : -1;
        }
        if (at < 0) {
            return new DispatchResult.Unchanged("no offer " + id);
        }
        Offer offer = history.get(at);
        Instant now = clock.instant();
        if (!offer.acceptDeadlinePassed(now)) {
            return new DispatchResult.Unchanged(offer.state() == OfferState.OFFERED
                    ? "offer " + id + " may still be accepted until " + offer.acceptBy()
                    : "offer " + id + " was already " + offer.state());
        }
        Offer expired = offer.expire(now);
        offers.save(expired);
        history.set(at, expired);
        LOG.info("offer {} to {} expired unanswered; dispatching work order {} again", id, offer.provider(),
                offer.job().workOrder());
        return dispatch(current, history);
    }

    /** After {@code PartnerActions.decline} (or an agent's cancellation): offer the next candidate. */
    public DispatchResult next(DispatchJob job) {
        return dispatch(job);
    }

    /** A transfer's handling deadline fired. */
    public DeadlineResult onHandlingDeadline(OfferId id) {
        Optional<Offer> found = offers.find(id);
        if (found.isEmpty()) {
            return new DeadlineResult.Settled("no offer " + id);
        }
        Offer offer = found.get();
        if (offer.handleBy().isEmpty() || !offer.state().isActiveJob() || offer.overdue()) {
            return new DeadlineResult.Settled("offer " + id + " is " + offer.kind() + " " + offer.state()
                    + (offer.overdue() ? " (already overdue)" : ""));
        }
        Instant handleBy = offer.handleBy().get();
        if (clock.instant().isBefore(handleBy)) {
            return new DeadlineResult.NotDue(offer, handleBy);
        }
        Offer overdue = offer.markOverdue();
        offers.save(overdue);
        LOG.info("transfer {} to {} missed its handling deadline {}", id, offer.provider(), handleBy);
        return new DeadlineResult.Missed(overdue, offer.provider() + " did not complete the transfer by " + handleBy);
    }

    private DispatchResult offer(DispatchJob job, RankedCandidate candidate, String policyName, Instant now) {
        Provider provider = candidate.provider();
        Offer offer;
        if (provider.kind() == ProviderKind.DEPARTMENT) {
            Instant acceptBy = deadlines.transferAcceptBy(job, now);
            offer = Offer.transfer(ids.get(), job, provider.id(), now, acceptBy,
                    deadlines.handleBy(job, now, acceptBy));
        } else {
            offer = Offer.assignment(ids.get(), job, provider.id(), now, deadlines.assignmentAcceptBy(job, now));
        }
        offers.save(offer);
        LOG.info("work order {} offered to {} ({}), answer by {}", job.workOrder(), provider.id(), offer.kind(),
                offer.acceptBy());
        return new DispatchResult.Offered(offer, candidate, policyName);
    }
}
