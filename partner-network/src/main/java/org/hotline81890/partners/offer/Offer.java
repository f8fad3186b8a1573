package org.hotline81890.partners.offer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.hotline81890.partners.ProviderId;

/**
 * One provider's chance at one job, and its lifecycle. Immutable: each transition returns the next version
 * ({@code version + 1}); stores use the version for optimistic locking. Transitions the table in
 * {@link OfferState} forbids throw {@link IllegalOfferTransitionException}.
 *
 * @param acceptBy   the provider must accept (or sign for a transfer) before this instant
 * @param handleBy   transfers only: the department must complete by this instant (extensions move it)
 * @param answeredAt when the offer was accepted, declined, expired or cancelled while offered
 * @param finishedAt when it was completed, or cancelled after acceptance
 * @param note       the decline reason, the completion note or the cancellation reason
 * @param overdue    a transfer whose handling deadline passed before completion (counted against the department)
 */
public record Offer(
        OfferId id,
        DispatchJob job,
        ProviderId provider,
        OfferKind kind,
        OfferState state,
        Instant offeredAt,
        Instant acceptBy,
        Optional<Instant> handleBy,
        Optional<Instant> answeredAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        Optional<String> note,
        int extensions,
        boolean overdue,
        long version) {

    public Offer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(offeredAt, "offeredAt");
        Objects.requireNonNull(acceptBy, "acceptBy");
        Objects.requireNonNull(handleBy, "handleBy");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(note, "note");
        if (!acceptBy.isAfter(offeredAt)) {
            throw new IllegalArgumentException("acceptBy must be after offeredAt");
        }
        if ((kind == OfferKind.TRANSFER) != handleBy.isPresent()) {
            throw new IllegalArgumentException("a transfer, and only a transfer, has a handling deadline");
        }
        if (extensions < 0 || version < 0) {
            throw new IllegalArgumentException("extensions and version cannot be negative");
        }
    }

    public static Offer assignment(OfferId id, DispatchJob job, ProviderId provider, Instant now, Instant acceptBy) {
        return new Offer(id, job, provider, OfferKind.ASSIGNMENT, OfferState.OFFERED, now, acceptBy, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, false, 0);
    }

    public static Offer transfer(OfferId id, DispatchJob job, ProviderId department, Instant now, Instant acceptBy,
            Instant handleBy) {
        return new Offer(id, job, department, OfferKind.TRANSFER, OfferState.OFFERED, now, acceptBy,
                Optional.of(handleBy), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0,
                false, 0);
    }

    /** Offered and the accept deadline has passed: only expiry is left. */
    public boolean acceptDeadlinePassed(Instant now) {
        return state == OfferState.OFFERED && !now.isBefore(acceptBy);
    }

    /** When the provider accepted, if it ever did (also for offers completed or cancelled after acceptance). */
    public Optional<Instant> acceptedAt() {
        boolean accepted = state.isActiveJob() || state == OfferState.COMPLETED
                || (state == OfferState.CANCELLED && finishedAt.isPresent());
        return accepted ? answeredAt : Optional.empty();
    }

    public Offer accept(Instant now) {
        return answered(OfferState.ACCEPTED, now, note);
    }

    public Offer decline(Instant now, String reason) {
        return answered(OfferState.DECLINED, now, Optional.of(reason));
    }

    public Offer expire(Instant now) {
        return answered(OfferState.EXPIRED, now, note);
    }

    public Offer cancel(Instant now, String reason) {
        if (state == OfferState.OFFERED) {
            return answered(OfferState.CANCELLED, now, Optional.of(reason));
        }
        state.checkMoveTo(OfferState.CANCELLED);
        return with(OfferState.CANCELLED, answeredAt, startedAt, Optional.of(now), Optional.of(reason));
    }

    public Offer start(Instant now) {
        state.checkMoveTo(OfferState.STARTED);
        return with(OfferState.STARTED, answeredAt, Optional.of(now), finishedAt, note);
    }

    public Offer complete(Instant now, String completionNote) {
        state.checkMoveTo(OfferState.COMPLETED);
        return with(OfferState.COMPLETED, answeredAt, startedAt, Optional.of(now), Optional.of(completionNote));
    }

    /**
     * Start and completion reported at once (a provider that never reported the start): both transitions are
     * checked and recorded at {@code now}, as one new version.
     */
    public Offer startAndComplete(Instant now, String completionNote) {
        Offer done = start(now).complete(now, completionNote);
        return new Offer(id, job, provider, kind, done.state, offeredAt, acceptBy, handleBy, answeredAt, done.startedAt,
                done.finishedAt, done.note, extensions, overdue, version + 1);
    }

    /** A granted extension of a transfer's handling deadline. */
    public Offer extendHandlingTo(Instant newHandleBy) {
        if (kind != OfferKind.TRANSFER || !state.isActiveJob()) {
            throw new IllegalStateException("only an accepted or started transfer can be extended, this is "
                    + kind + " " + state);
        }
        return new Offer(id, job, provider, kind, state, offeredAt, acceptBy, Optional.of(newHandleBy), answeredAt,
                startedAt, finishedAt, note, extensions + 1, overdue, version + 1);
    }

    /** The handling deadline passed before completion; stays marked even if completed later. */
    public Offer markOverdue() {
        if (kind != OfferKind.TRANSFER || !state.isActiveJob()) {
            throw new IllegalStateException(
                    "only an open transfer can miss its deadline, this is " + kind + " " + state);
        }
        return new Offer(id, job, provider, kind, state, offeredAt, acceptBy, handleBy, answeredAt, startedAt,
                finishedAt, note, extensions, true, version + 1);
    }

    private Offer answered(OfferState next, Instant now, Optional<String> newNote) {
        state.checkMoveTo(next);
        return with(next, Optional.of(now), startedAt, finishedAt, newNote);
    }

    private Offer with(OfferState next, Optional<Instant> answered, Optional<Instant> started,
            Optional<Instant> finished, Optional<String> newNote) {
        return new Offer(id, job, provider, kind, next, offeredAt, acceptBy, handleBy, answered, started, finished,
                newNote, extensions, overdue, version + 1);
    }
}
