package org.hotline81890.partners.offer;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a provider is reminded, as a percentage of the time it was given: an offer still unanswered at
 * {@code offeredAt + percent × (acceptBy − offeredAt)}; an accepted transfer not completed at
 * {@code offeredAt + percent × (handleBy − offeredAt)} (an extension moves handleBy, so the reminder moves with it).
 * Reminders of one transfer are numbered {@code 1 + extensions}, so each handling deadline gets one reminder.
 *
 * @param percent 1..99; 0 turns reminders off
 */
public record ReminderSchedule(int percent) {
    public static final ReminderSchedule OFF = new ReminderSchedule(0);

    public ReminderSchedule {
        if (percent < 0 || percent > 99) {
            throw new IllegalArgumentException("reminder percent must be 0..99, got " + percent);
        }
    }

    /** When to remind of the accept deadline, if reminders are on. */
    public Optional<Instant> acceptReminderAt(Offer offer) {
        return at(offer.offeredAt(), offer.acceptBy());
    }

    /** When to remind of a transfer's current handling deadline, if reminders are on and it is a transfer. */
    public Optional<Instant> handlingReminderAt(Offer offer) {
        return offer.handleBy().flatMap(handleBy -> at(offer.offeredAt(), handleBy));
    }

    /** The reminder number to send now for the accept deadline, or empty when none is due (answered, too late). */
    public Optional<Integer> acceptReminderDue(Offer offer, Instant now) {
        boolean due = offer.state() == OfferState.OFFERED && now.isBefore(offer.acceptBy())
                && acceptReminderAt(offer).map(at -> !now.isBefore(at)).orElse(false);
        return due ? Optional.of(1) : Optional.empty();
    }

    /**
     * The reminder number to send now for the handling deadline, or empty: not a transfer, not being worked on,
     * already overdue, past the deadline, or the reminder of an earlier deadline that an extension moved.
     */
    public Optional<Integer> handlingReminderDue(Offer offer, Instant now) {
        boolean due = offer.state().isActiveJob() && !offer.overdue()
                && offer.handleBy().map(now::isBefore).orElse(false)
                && handlingReminderAt(offer).map(at -> !now.isBefore(at)).orElse(false);
        return due ? Optional.of(1 + offer.extensions()) : Optional.empty();
    }

    private Optional<Instant> at(Instant from, Instant deadline) {
        if (percent == 0 || !deadline.isAfter(from)) {
            return Optional.empty();
        }
        Duration window = Duration.between(from, deadline);
        return Optional.of(from.plus(window.multipliedBy(percent).dividedBy(100)));
    }
}
