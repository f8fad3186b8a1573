package org.hotline81890.gateway.dispatch;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.hotline81890.gateway.voice.OriginateRequest;
import org.hotline81890.gateway.workorder.DeadlineStore;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Outbox;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.flow.ActionResult;
import org.hotline81890.partners.flow.DeadlineResult;
import org.hotline81890.partners.flow.Dispatcher;
import org.hotline81890.partners.flow.PartnerActions;
import org.hotline81890.partners.offer.DispatchJob;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.WorkOrderRef;
import org.hotline81890.partners.store.OfferStore;

/**
 * The partner network's use cases over the work-order core, each under the work order's partner lock so two nodes
 * never decide about one work order at once: dispatch (outbox kind "dispatch"), the offer and transfer deadlines,
 * and what a provider does (accept, decline, start, complete, ask for more time), whatever the channel.
 *
 * <p>The decisions run on two sets of holders (ADR 0048): dispatch, the deadlines and openings on {@code locks}, a
 * provider's answers on {@code answers}, so that an accept never waits behind a dispatch group for a holder. Both
 * lock the same work-order row, so the database still decides one thing about an order at a time.
 */
public final class PartnerFlow {
    private static final Set<WorkOrderState> DISPATCHABLE = EnumSet.of(WorkOrderState.MATCHED,
            WorkOrderState.REOPENED);
    private final OfferLocks locks;
    private final OfferLocks answers;
    private final OfferStore offers;
    private final Dispatcher dispatcher;
    private final PartnerActions actions;
    private final DispatchOutcomes outcomes;
    private final Tracker tracker;
    private final Outbox outbox;
    private final DeadlineStore deadlines;
    private final ProviderCache providers;
    private final OfferMessages messages;
    private final JobFacts facts;
    private final ExtensionRequests extensions;
    private final java.time.Clock clock;

    /** {@code locks}: dispatch, deadlines and openings; {@code answers}: a provider's answers (ADR 0048). */
    public PartnerFlow(OfferLocks locks, OfferLocks answers, OfferStore offers, Dispatcher dispatcher,
                PartnerActions actions, DispatchOutcomes outcomes, Tracker tracker, Outbox outbox,
                DeadlineStore deadlines, ProviderCache providers, OfferMessages messages, JobFacts facts,
                ExtensionRequests extensions, java.time.Clock clock) {
        this.locks = locks;
        this.answers = answers;
        this.offers = offers;
        this.dispatcher = dispatcher;
        this.actions = actions;
        this.outcomes = outcomes;
        this.tracker = tracker;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.providers = providers;
        this.messages = messages;
        this.facts = facts;
        this.extensions = extensions;
        this.clock = clock;
    }

    /** Finds a provider for a matched or reopened work order (idempotent: a repeat finds the offer made). */
    public void dispatch(WorkOrderId id) {
        locks.withWorkOrder(id, locked -> {
            WorkOrder w = locked.orElseThrow(() -> new NoSuchElementException("no work order " + id));
            if (!DISPATCHABLE.contains(w.state())) {
                return null;
            }
            Optional<DispatchJob> job = facts.job(w);
            if (job.isEmpty()) {
                outcomes.escalate(w, "escalated (督办): no service matched, nothing to dispatch on");
            } else {
                outcomes.apply(w, dispatcher.dispatch(job.get()));
            }
            return null;
        });
    }

    /**
     * Runs {@code decisions} (calls of {@link #dispatch} and {@link #transfer}) as one locked unit of work: one
     * transaction and one commit for all of them, each work order locked as its decision starts and all released at
     * the commit (ADR 0045). If any of them fails, none of them happened.
     */
    public void decideTogether(Runnable decisions) {
        locks.inOneTransaction(() -> {
            decisions.run();
            return null;
        });
    }

    /**
     * A held order's opening came (ADR 0019): dispatch it as new, also when an offer of it expired at night (the order
     * still shows OFFERED then); an open offer, a taken or ended order: nothing to do.
     */
    public void onHoldOver(WorkOrderId id) {
        locks.withWorkOrder(id, locked -> {
            dispatcher.releaseHold(new WorkOrderRef(Long.toString(id.value())));
            Optional<WorkOrder> w = locked.filter(x -> DISPATCHABLE.contains(x.state())
                    || x.state() == WorkOrderState.OFFERED);
            w.ifPresent(order -> facts.job(order).ifPresent(job -> outcomes.apply(order, dispatcher.dispatch(job))));
            return null;
        });
    }

    /**
     * An agent's transfer (转办): offers the matched order to the department they chose, on the usual terms. When that
     * department can no longer take it (stopped, or no longer serving the service), the policy dispatches it instead,
     * with the reason in the history; idempotent like {@link #dispatch}.
     */
    public void transfer(WorkOrderId id, ProviderId department) {
        locks.withWorkOrder(id, locked -> {
            WorkOrder w = locked.orElseThrow(() -> new NoSuchElementException("no work order " + id));
            if (!DISPATCHABLE.contains(w.state())) {
                return null;
            }
            Optional<DispatchJob> job = facts.job(w);
            Optional<Provider> chosen = providers.find(department).filter(p -> p.kind() == ProviderKind.DEPARTMENT
                    && p.isActive() && job.map(j -> p.provides(j.service())).orElse(false));
            if (job.isEmpty()) {
                outcomes.escalate(w, "escalated (督办): no service matched, nothing to dispatch on");
            } else if (chosen.isEmpty()) {
                tracker.record(w.id(), "partner-network", Channel.SYSTEM, "transfer (转办) to " + department.value()
                        + " impossible (stopped, or not serving " + job.get().service().value()
                        + "): dispatched by the policy", x -> x, x -> List.of());
                outcomes.apply(w, dispatcher.dispatch(job.get()));
            } else {
                outcomes.apply(w, dispatcher.assign(job.get(), chosen.get(), "转办 chosen by the agent"));
            }
            return null;
        });
    }

    /** The accept deadline of an offer fired: expire it if unanswered and offer the next candidate. */
    public void onAcceptDeadline(OfferId id) {
        withOffer(id, offer -> {
            WorkOrder w = outcomes.load(workOrder(offer));
            outcomes.apply(w, dispatcher.onAcceptDeadline(offer, facts.job(w).orElse(offer.job())));
        });
    }

    /**
     * The accept deadline fired and its handler read the offer, unlocked ({@code seen}; empty: no such offer). Only an
     * offer still OFFERED then can have its accept deadline pass: one answered, expired or withdrawn is never OFFERED
     * again, and the locked decision would change nothing, so none is taken for it (ADR 0052). Most offers at a peak
     * are answered before their deadline fires.
     */
    public void onAcceptDeadline(Optional<Offer> seen) {
        seen.filter(o -> o.state() == org.hotline81890.partners.offer.OfferState.OFFERED)
                .ifPresent(o -> onAcceptDeadline(o.id()));
    }

    /** A transfer's handling deadline fired: missed escalates, an extension re-arms. */
    public void onHandlingDeadline(OfferId id) {
        withOffer(id, offer -> {
            switch (dispatcher.onHandlingDeadline(id)) {
                case DeadlineResult.Missed m -> outcomes.escalate(outcomes.load(workOrder(offer)),
                        "escalated (督办): " + m.reason());
                case DeadlineResult.NotDue n -> deadlines.arm(DispatchOutcomes.TRANSFER, OfferIds.subjectId(id),
                        DispatchOutcomes.HANDLE_BY, n.handleBy());
                case DeadlineResult.Settled s -> { }
            }
        });
    }

    public ActionResult accept(ProviderId caller, OfferId id, Channel channel) {
        return act(id, () -> actions.accept(caller, id), (applied, w) -> {
            if (w.state().canMoveTo(WorkOrderState.ACCEPTED)) {
                Optional<Provider> p = providers.find(caller);
                tracker.move(w.id(), WorkOrderState.ACCEPTED, caller.value(), channel, "accepted by " + caller,
                        next -> p.map(provider -> messages.accepted(applied, provider, next)).orElse(List.of()));
            }
        });
    }

    public ActionResult decline(ProviderId caller, OfferId id, String reason, Channel channel) {
        return act(id, () -> actions.decline(caller, id, reason), (applied, w) ->
                outcomes.apply(w, dispatcher.next(facts.job(w).orElse(applied.job()))));
    }

    public ActionResult start(ProviderId caller, OfferId id, Channel channel) {
        return act(id, () -> actions.start(caller, id), (applied, w) -> tracker.record(w.id(), caller.value(),
                channel, "on the way (出发): " + caller, x -> x, next -> messages.started(applied, next)));
    }

    /** The provider's registered SMS number (digits), where a bridged call rings by default. */
    public Optional<String> registeredPhone(ProviderId provider) {
        return providers.find(provider).flatMap(p -> p.contact().sms()).map(n -> n.value().replace("+", ""));
    }

    /**
     * The provider holding the job asks to be put through to the resident: an {@code originate} row rings the
     * provider's phone, then the resident, both showing 81890 (the number stays hidden), and the history records
     * it. Refused like any action on an offer that is not the caller's active job.
     */
    public ActionResult callResident(ProviderId caller, OfferId id, String providerPhone, String requestId,
                                     Channel channel) {
        return answers.inOneTransaction(() -> {
            Optional<Offer> found = offers.find(id);
            if (found.isEmpty()) {
                return new ActionResult.OfferNotFound(id);
            }
            Offer offer = found.get();
            if (!offer.provider().equals(caller)) {
                return new ActionResult.NotYourOffer(id);
            }
            if (offer.state() == org.hotline81890.partners.offer.OfferState.CANCELLED) {
                return new ActionResult.OfferCancelled(offer);
            }
            if (!offer.state().isActiveJob()) {
                return new ActionResult.IllegalState(offer, "call the resident on");
            }
            return answers.withWorkOrder(workOrder(offer), locked -> {
                WorkOrder w = locked.orElseThrow(() -> new NoSuchElementException("no work order " + workOrder(offer)));
                tracker.record(w.id(), caller.value(), channel, "call to the resident bridged through the hotline "
                        + "for " + caller, x -> x, next -> List.of(OriginateRequest.bridge(providerPhone, next,
                        requestId)));
                return new ActionResult.Repeated(offer);
            });
        });
    }

    public ActionResult complete(ProviderId caller, OfferId id, String note, Channel channel) {
        return complete(caller, id, note, channel, applied -> { });
    }

    /** As above; {@code alsoWhenApplied} writes what the desk adds (who, the photo) in the same transaction. */
    public ActionResult complete(ProviderId caller, OfferId id, String note, Channel channel,
                                 java.util.function.Consumer<Offer> alsoWhenApplied) {
        return act(id, () -> actions.complete(caller, id, note), (applied, w) -> {
            alsoWhenApplied.accept(applied);
            if (w.state().canMoveTo(WorkOrderState.COMPLETED)) {
                String text = "completed by " + caller + (note == null || note.isBlank() ? "" : ": " + note.strip());
                tracker.move(w.id(), WorkOrderState.COMPLETED, caller.value(), channel, text,
                        next -> messages.survey(applied, next));
            }
        });
    }

    /**
     * A department asks for more time: a request within the terms is stored for a supervisor to decide (and is in
     * the order's history); asking again while one waits changes nothing.
     */
    public ActionResult requestExtension(ProviderId caller, OfferId id, Duration extra, String reason) {
        return answers.inOneTransaction(() -> {
            Optional<Offer> found = offers.find(id);
            if (found.isEmpty()) {
                return actions.requestExtension(caller, id, extra, reason);
            }
            return answers.withWorkOrder(workOrder(found.get()), locked -> {
                ActionResult result = actions.requestExtension(caller, id, extra, reason);
                if (result instanceof ActionResult.ExtensionRequested asked
                        && extensions.pendingFor(id).isEmpty()) {
                    WorkOrder w = locked.orElseThrow(() -> new NoSuchElementException("no work order "
                            + workOrder(asked.offer())));
                    extensions.add(ExtensionRequest.pending(id, w.id(), caller, extra, reason, clock.instant()));
                    tracker.record(w.id(), caller.value(), Channel.PARTNER, "extension requested (延期申请) by "
                            + caller + ": " + extra.toHours() + " h more: " + reason.strip()
                            + "; waiting for a supervisor", x -> x, x -> List.of());
                }
                return result;
            });
        });
    }

    /**
     * Finds the offer and locks its work order in one transaction, then runs the action and its effects in it;
     * {@code onApplied} gets the work order as locked (the action changes only the offer).
     */
    private ActionResult act(OfferId id, Supplier<ActionResult> action, BiConsumer<Offer, WorkOrder> onApplied) {
        return answers.inOneTransaction(() -> {
            Optional<Offer> found = offers.find(id);
            if (found.isEmpty()) {
                return action.get();
            }
            WorkOrderId workOrder = workOrder(found.get());
            return answers.withWorkOrder(workOrder, locked -> {
                ActionResult result = action.get();
                if (result instanceof ActionResult.Applied applied) {
                    onApplied.accept(applied.offer(), locked.orElseThrow(
                            () -> new NoSuchElementException("no work order " + workOrder)));
                }
                return result;
            });
        });
    }

    private void withOffer(OfferId id, java.util.function.Consumer<Offer> work) {
        locks.inOneTransaction(() -> {
            offers.find(id).ifPresent(offer -> locks.withLock(offer.job().workOrder().value(), () -> {
                work.accept(offer);
                return null;
            }));
            return null;
        });
    }

    private static WorkOrderId workOrder(Offer offer) {
        return new WorkOrderId(Long.parseLong(offer.job().workOrder().value()));
    }
}
