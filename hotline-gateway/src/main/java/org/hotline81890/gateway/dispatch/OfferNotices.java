package org.hotline81890.gateway.dispatch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

import org.hotline81890.gateway.workorder.DeadlineStore;
import org.hotline81890.gateway.workorder.OfferWithdrawal;
import org.hotline81890.gateway.workorder.Outbox;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.ReminderSchedule;
import org.hotline81890.partners.store.OfferStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the hotline tells a provider besides the offer: reminders before the accept deadline and before a transfer's
 * handling deadline (deadline kind {@code REMIND} on subject types {@code offer} and {@code transfer}, armed with the
 * offer), and the cancellation when an offer is withdrawn. Each is an outbox row (signed webhook or SMS, as the
 * provider is configured) whose dedupe key makes a repeated deadline or withdrawal write it once.
 */
public final class OfferNotices {
    public static final String REMIND = "REMIND";
    private static final Logger LOG = LoggerFactory.getLogger(OfferNotices.class);
    private final ReminderSchedule schedule;
    private final OfferLocks locks;
    private final OfferStore offers;
    private final WorkOrderStore store;
    private final Outbox outbox;
    private final DeadlineStore deadlines;
    private final ProviderCache providers;
    private final OfferMessages messages;
    private final JobFacts facts;
    private final Clock clock;

    public OfferNotices(ReminderSchedule schedule, OfferLocks locks, OfferStore offers, WorkOrderStore store,
                 Outbox outbox, DeadlineStore deadlines, ProviderCache providers, OfferMessages messages,
                 JobFacts facts, Clock clock) {
        this.schedule = schedule;
        this.locks = locks;
        this.offers = offers;
        this.store = store;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.providers = providers;
        this.messages = messages;
        this.facts = facts;
        this.clock = clock;
    }

    /** The deadlines a new offer is inserted with: its accept-by (and handle-by) plus the reminders. */
    public static List<OfferArm> arms(ReminderSchedule schedule, Offer offer) {
        List<OfferArm> arms = new ArrayList<>(DispatchOutcomes.arms(offer));
        long subject = OfferIds.subjectId(offer.id());
        schedule.acceptReminderAt(offer).ifPresent(at -> arms.add(
                new OfferArm(DispatchOutcomes.OFFER, subject, REMIND, at)));
        schedule.handlingReminderAt(offer).ifPresent(at -> arms.add(
                new OfferArm(DispatchOutcomes.TRANSFER, subject, REMIND, at)));
        return arms;
    }

    /** The accept-deadline reminder fired: remind the provider if the offer is still unanswered. */
    public void onAcceptReminder(OfferId id) {
        remind(id, (offer, w) -> schedule.acceptReminderDue(offer, clock.instant()));
    }

    /** The handling-deadline reminder fired: remind the department if the transfer is still open and due. */
    public void onHandlingReminder(OfferId id) {
        remind(id, (offer, w) -> schedule.handlingReminderDue(offer, clock.instant()));
    }

    /** An extension moved a transfer's handling deadline: arm the reminder of the new one. */
    public void afterExtension(Offer extended) {
        schedule.handlingReminderAt(extended).ifPresent(at -> deadlines.arm(DispatchOutcomes.TRANSFER,
                OfferIds.subjectId(extended.id()), REMIND, at.isBefore(clock.instant()) ? clock.instant() : at));
    }

    /**
     * Withdraws the open offers of a work order that left the providers' hands (cancelled, escalated, reassigned):
     * each is cancelled and its provider told. A transfer whose own handling deadline was missed stays with the
     * department: the escalation (督办) presses it to finish, it does not take the job away.
     */
    public void withdraw(WorkOrderId id, String reason) {
        withdraw(id, reason, false);
    }

    /**
     * The outbox's withdraw-offers row: as {@link #withdraw}, but only while the order is still escalated or
     * cancelled. A supervisor may have reassigned it before the row was delivered; the new offer must stay.
     */
    public void withdrawIfStillLeft(WorkOrderId id, String reason) {
        locks.withLock(Long.toString(id.value()), () -> {
            if (store.find(id).map(w -> OfferWithdrawal.WITHDRAWING.contains(w.state())).orElse(false)) {
                withdraw(id, reason, false);
            } else {
                LOG.info("work order {} moved on since it was escalated or cancelled; its offers stay", id);
            }
            return null;
        });
    }

    /**
     * Withdraws every open offer, an overdue transfer included: a supervisor reassigned or cancelled the order.
     * Returns how many were withdrawn.
     */
    public int withdrawAll(WorkOrderId id, String reason) {
        return withdraw(id, reason, true);
    }

    private int withdraw(WorkOrderId id, String reason, boolean overdueToo) {
        return locks.withLock(Long.toString(id.value()), () -> store.find(id).map(w -> {
            List<Offer> open = offers.forWorkOrder(JobFacts.ref(w)).stream()
                    .filter(offer -> offer.state().isOpen() && (overdueToo || !offer.overdue())).toList();
            open.forEach(offer -> cancel(offer, w, reason));
            return open.size();
        }).orElse(0));
    }

    /**
     * The safety net for an order escalated or cancelled without its withdraw-offers row (moved past the tracker,
     * e.g. by hand in the database; the tracker writes the row in the move's transaction): when an offer's accept
     * deadline fires and its order is already escalated or cancelled, the order's open offers are withdrawn (the
     * provider told) instead of expiring the offer and offering the order to the next provider. Returns whether it
     * withdrew; otherwise the caller handles the deadline as usual.
     */
    public boolean withdrawIfOrderLeft(OfferId id) {
        return withdrawIfOrderLeft(offers.find(id));
    }

    /** As {@link #withdrawIfOrderLeft(OfferId)} for the offer the deadline's handler has read (empty: none). */
    public boolean withdrawIfOrderLeft(Optional<Offer> seen) {
        Optional<WorkOrder> w = seen.flatMap(offer -> store.find(
                new WorkOrderId(Long.parseLong(offer.job().workOrder().value()))));
        if (w.isEmpty() || !OfferWithdrawal.WITHDRAWING.contains(w.get().state())) {
            return false;
        }
        withdraw(w.get().id(), "work order " + w.get().state().name().toLowerCase(Locale.ROOT)
                + " (found when the accept deadline of offer " + seen.get().id().value() + " fired)");
        return true;
    }

    private void cancel(Offer offer, WorkOrder w, String reason) {
        Offer cancelled = offer.cancel(clock.instant(), reason);
        offers.save(cancelled);
        LOG.info("offer {} to {} withdrawn ({} -> CANCELLED): {}", offer.id(), offer.provider(), offer.state(),
                reason);
        Optional<Provider> p = providers.find(offer.provider());
        List<OutboxMessage> rows = p.map(provider -> messages.cancelled(cancelled, provider, w, facts.details(w)))
                .orElseGet(List::of);
        if (!rows.isEmpty()) {
            outbox.enqueue(Optional.of(w.id()), rows);
        }
    }

    private void remind(OfferId id, BiFunction<Offer, WorkOrder, Optional<Integer>> due) {
        Optional<Offer> offer = offers.find(id);
        if (offer.isEmpty() || offer.get().state().isFinal()) {
            return;
        }
        WorkOrderId workOrder = new WorkOrderId(Long.parseLong(offer.get().job().workOrder().value()));
        Optional<WorkOrder> w = store.find(workOrder);
        Optional<Provider> p = providers.find(offer.get().provider());
        if (w.isEmpty() || p.isEmpty()) {
            return;
        }
        due.apply(offer.get(), w.get()).ifPresent(sequence -> {
            LOG.info("reminding {} of offer {} ({}, reminder {})", p.get().id(), id, offer.get().state(), sequence);
            List<OutboxMessage> rows = messages.reminder(offer.get(), p.get(), w.get(), facts.details(w.get()),
                    sequence);
            if (!rows.isEmpty()) {
                outbox.enqueue(Optional.of(w.get().id()), rows);
            }
        });
    }
}
