package org.hotline81890.gateway.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.hotline81890.gateway.matching.ServicePromises;
import org.hotline81890.gateway.workorder.DeadlineStore;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.flow.DispatchResult;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the dispatcher decided into work-order changes: Offered (whose deadlines the offer store wrote with
 * the offer) moves the order to OFFERED with the offer's outbox rows; Escalate moves it to ESCALATED (督办) with
 * the reasons. Called with the work order's partner lock held.
 */
public final class DispatchOutcomes {
    public static final String OFFER = "offer";
    public static final String TRANSFER = "transfer";
    /** A work order held for the night (ADR 0019): subject type of the deadline that dispatches it again. */
    public static final String HOLD = "hold";
    /** How a hold's event starts (read back by the simulated day's report). */
    public static final String HELD = "held (非工作时间)";
    static final String OFFER_AT = "OFFER_AT";
    static final String ACCEPT_BY = "ACCEPT_BY";
    static final String HANDLE_BY = "HANDLE_BY";
    static final String ACTOR = "partner-network";
    private static final Logger LOG = LoggerFactory.getLogger(DispatchOutcomes.class);
    private static final int MAX_DETAILS = 3900;
    private final WorkOrderStore store;
    private final Tracker tracker;
    private final DeadlineStore deadlines;
    private final ProviderCache providers;
    private final OfferMessages messages;
    private final JobFacts facts;
    private final ServicePromises promises;

    public DispatchOutcomes(WorkOrderStore store, Tracker tracker, DeadlineStore deadlines, ProviderCache providers,
                     OfferMessages messages, JobFacts facts, ServicePromises promises) {
        this.promises = promises;
        this.store = store;
        this.tracker = tracker;
        this.deadlines = deadlines;
        this.providers = providers;
        this.messages = messages;
        this.facts = facts;
    }

    WorkOrder load(WorkOrderId id) {
        return store.find(id).orElseThrow(() -> new NoSuchElementException("no work order " + id));
    }

    /** The deadlines a new offer needs; {@code MySqlOfferStore} writes them with the offer in one transaction. */
    static List<OfferArm> arms(Offer offer) {
        long subject = OfferIds.subjectId(offer.id());
        List<OfferArm> arms = new ArrayList<>(2);
        arms.add(new OfferArm(OFFER, subject, ACCEPT_BY, offer.acceptBy()));
        offer.handleBy().ifPresent(at -> arms.add(new OfferArm(TRANSFER, subject, HANDLE_BY, at)));
        return arms;
    }

    void apply(WorkOrderId id, DispatchResult result) {
        apply(load(id), result);
    }

    /** {@code w}: the work order as just read under its partner lock (saves reading it again). */
    void apply(WorkOrder w, DispatchResult result) {
        WorkOrderId id = w.id();
        switch (result) {
            case DispatchResult.Offered o -> offered(w, o.offer(), false, "offered to " + o.offer().provider() + " ("
                    + o.offer().kind() + ", " + o.policy() + ": " + String.join("; ", o.candidate().reasons())
                    + "), answer by " + o.offer().acceptBy());
            case DispatchResult.Escalate e -> noProvider(w, "escalated (督办): no provider can take it ("
                    + e.policy() + "): " + String.join("; ", e.reasons()));
            case DispatchResult.Held h -> held(w, h);
            case DispatchResult.StillOpen s -> repair(w, s.open());
            case DispatchResult.Unchanged u -> LOG.debug("work order {}: {}", id, u.reason());
        }
    }

    void escalate(WorkOrder w, String details) {
        if (!w.state().canMoveTo(WorkOrderState.ESCALATED)) {
            LOG.warn("work order {} is {} and cannot escalate: {}", w.id(), w.state(), details);
            return;
        }
        tracker.move(w.id(), WorkOrderState.ESCALATED, ACTOR, Channel.SYSTEM, cut(details), x -> List.of());
    }

    /**
     * Nobody (else) can take it: 督办 with the reasons, and the resident is told rather than left waiting (after
     * 不满意: that no other provider can take it).
     */
    private void noProvider(WorkOrder w, String details) {
        if (!w.state().canMoveTo(WorkOrderState.ESCALATED)) {
            LOG.warn("work order {} is {} and cannot escalate: {}", w.id(), w.state(), details);
            return;
        }
        boolean reopened = w.state() == WorkOrderState.REOPENED
                || store.history(w.id()).stream().anyMatch(e -> e.to() == WorkOrderState.REOPENED);
        tracker.move(w.id(), WorkOrderState.ESCALATED, ACTOR, Channel.SYSTEM, cut(details),
                next -> messages.noProvider(next, reopened));
    }

    /**
     * Nobody who could take it is open: the order keeps its state, its promises count from the opening (one
     * event), the resident is told when, and a {@value #HOLD} deadline dispatches it again then. A repeat (the
     * dispatch row delivered twice) writes the event again and arms a second deadline, which finds it offered.
     */
    private void held(WorkOrder w, DispatchResult.Held h) {
        Instant at = h.hold().offerAt();
        tracker.record(w.id(), ACTOR, Channel.SYSTEM, cut(HELD + ": nobody who can take it is open now ("
                + String.join("; ", h.reasons()) + "); " + h.hold().serviceClass() + ": " + h.hold().rule().wire()
                + ", offered at " + at + " when " + h.hold().firstOpen() + " opens; respond-by and complete-by "
                + "counted from then"), x -> x.withDeadlines(promises.countedFrom(x, at)),
                next -> messages.held(next, at));
        deadlines.arm(HOLD, w.id().value(), OFFER_AT, at);
    }

    /** An offer exists that the work order does not show yet (a crash between the two): show it. */
    private void repair(WorkOrder w, Offer open) {
        if (open.state() == OfferState.OFFERED && w.state() != WorkOrderState.OFFERED) {
            offered(w, open, true, "offered to " + open.provider() + ", answer by " + open.acceptBy());
        }
    }

    /** {@code arm}: arm the offer's deadlines here (a new offer got them with its insert). */
    private void offered(WorkOrder w, Offer offer, boolean arm, String details) {
        if (arm) {
            arms(offer).forEach(a -> deadlines.arm(a.subjectType(), a.subjectId(), a.kind(), a.dueAt()));
        }
        if (!w.state().canMoveTo(WorkOrderState.OFFERED)) {
            LOG.warn("work order {} is {}; offer {} made but the order stays", w.id(), w.state(), offer.id());
            return;
        }
        Optional<Provider> provider = providers.find(offer.provider());
        tracker.move(w.id(), WorkOrderState.OFFERED, ACTOR, Channel.SYSTEM, cut(details), next -> provider
                .map(p -> messages.offer(offer, p, next, facts.details(next)))
                .orElseGet(List::<OutboxMessage>of));
    }

    private static String cut(String details) {
        return details.length() <= MAX_DETAILS ? details : details.substring(0, MAX_DETAILS) + "…";
    }
}
