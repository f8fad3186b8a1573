package org.hotline81890.partners.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.OfferKind;
import org.hotline81890.partners.offer.OfferTerms;
import org.hotline81890.partners.store.ConcurrentOfferUpdateException;
import org.hotline81890.partners.store.OfferStore;

/**
 * What a provider may do with an offer, whatever the channel (HTTP API, portal, SMS). The caller is the
 * authenticated provider; only the provider an offer went to may act on it. Repeating an action that already
 * took effect returns {@link ActionResult.Repeated}; a concurrent change is re-read and decided again.
 */
public final class PartnerActions {
    private static final Logger LOG = LoggerFactory.getLogger(PartnerActions.class);
    private static final int ATTEMPTS = 3;
    private final OfferStore offers;
    private final OfferTerms terms;
    private final Clock clock;

    public PartnerActions(OfferStore offers, OfferTerms terms, Clock clock) {
        this.offers = Objects.requireNonNull(offers);
        this.terms = Objects.requireNonNull(terms);
        this.clock = Objects.requireNonNull(clock);
    }

    public ActionResult accept(ProviderId caller, OfferId id) {
        return act(caller, id, (offer, now) -> switch (offer.state()) {
            case OFFERED -> offer.acceptDeadlinePassed(now)
                    ? new ActionResult.OfferExpired(offer) : apply(offer, offer.accept(now));
            case ACCEPTED, STARTED, COMPLETED -> new ActionResult.Repeated(offer);
            case EXPIRED -> new ActionResult.OfferExpired(offer);
            case CANCELLED -> new ActionResult.OfferCancelled(offer);
            case DECLINED -> new ActionResult.IllegalState(offer, "accept");
        });
    }

    public ActionResult decline(ProviderId caller, OfferId id, String reason) {
        String why = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
        return act(caller, id, (offer, now) -> switch (offer.state()) {
            case OFFERED -> offer.acceptDeadlinePassed(now)
                    ? new ActionResult.OfferExpired(offer) : apply(offer, offer.decline(now, why));
            case DECLINED -> new ActionResult.Repeated(offer);
            case ACCEPTED, STARTED, COMPLETED -> new ActionResult.AlreadyAccepted(offer);
            case EXPIRED -> new ActionResult.OfferExpired(offer);
            case CANCELLED -> new ActionResult.OfferCancelled(offer);
        });
    }

    public ActionResult start(ProviderId caller, OfferId id) {
        return act(caller, id, (offer, now) -> switch (offer.state()) {
            case ACCEPTED -> apply(offer, offer.start(now));
            case STARTED, COMPLETED -> new ActionResult.Repeated(offer);
            case EXPIRED -> new ActionResult.OfferExpired(offer);
            case CANCELLED -> new ActionResult.OfferCancelled(offer);
            case OFFERED, DECLINED -> new ActionResult.IllegalState(offer, "start");
        });
    }

    /** Completes the job with a note; from ACCEPTED it records the start at the same instant first. */
    public ActionResult complete(ProviderId caller, OfferId id, String note) {
        String text = note == null ? "" : note.strip();
        return act(caller, id, (offer, now) -> switch (offer.state()) {
            case ACCEPTED -> apply(offer, offer.startAndComplete(now, text));
            case STARTED -> apply(offer, offer.complete(now, text));
            case COMPLETED -> new ActionResult.Repeated(offer);
            case EXPIRED -> new ActionResult.OfferExpired(offer);
            case CANCELLED -> new ActionResult.OfferCancelled(offer);
            case OFFERED, DECLINED -> new ActionResult.IllegalState(offer, "complete");
        });
    }

    /**
     * A department asks for more time on a transfer, before its handling deadline. Nothing changes yet: a request
     * within the terms comes back as {@link ActionResult.ExtensionRequested} for a supervisor to approve or refuse
     * ({@link #grantExtension}); one outside them is refused at once.
     */
    public ActionResult requestExtension(ProviderId caller, OfferId id, Duration extra, String reason) {
        return act(caller, id, (offer, now) -> extensionRefusal(offer, now, extra, reason)
                .<ActionResult>map(r -> r).orElseGet(() -> new ActionResult.ExtensionRequested(offer, extra)));
    }

    /**
     * A supervisor approved an extension asked for earlier: the handling deadline moves by {@code extra}, unless
     * the terms no longer allow it (the deadline passed meanwhile, the transfer was completed or withdrawn).
     */
    public ActionResult grantExtension(OfferId id, Duration extra) {
        for (int attempt = 1; ; attempt++) {
            Optional<Offer> found = offers.find(id);
            if (found.isEmpty()) {
                return new ActionResult.OfferNotFound(id);
            }
            Offer offer = found.get();
            Optional<ActionResult.Rejection> refused = extensionRefusal(offer, clock.instant(), extra, "approved");
            if (refused.isPresent()) {
                return refused.get();
            }
            try {
                return apply(offer, offer.extendHandlingTo(offer.handleBy().orElseThrow().plus(extra)));
            } catch (ConcurrentOfferUpdateException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Optional<ActionResult.Rejection> extensionRefusal(Offer offer, Instant now, Duration extra,
                                                               String reason) {
        if (offer.kind() != OfferKind.TRANSFER) {
            return Optional.of(new ActionResult.ExtensionRefused(offer,
                    "only department transfers have a handling deadline"));
        }
        if (!offer.state().isActiveJob()) {
            return Optional.of(new ActionResult.IllegalState(offer, "extend"));
        }
        Instant handleBy = offer.handleBy().orElseThrow();
        if (offer.overdue() || !now.isBefore(handleBy)) {
            return Optional.of(new ActionResult.ExtensionRefused(offer, "the deadline " + handleBy
                    + " has already passed"));
        }
        if (offer.extensions() >= terms.maxExtensions()) {
            return Optional.of(new ActionResult.ExtensionRefused(offer, "already extended " + offer.extensions()
                    + " time(s)"));
        }
        if (extra == null || extra.isNegative() || extra.isZero() || extra.compareTo(terms.maxExtension()) > 0) {
            return Optional.of(new ActionResult.ExtensionRefused(offer, "ask for more than 0 and at most "
                    + terms.maxExtension()));
        }
        if (reason == null || reason.isBlank()) {
            return Optional.of(new ActionResult.ExtensionRefused(offer, "give a reason"));
        }
        return Optional.empty();
    }

    private ActionResult apply(Offer before, Offer after) {
        offers.save(after);
        LOG.info("offer {} of {}: {} -> {}", after.id(), after.provider(), before.state(), after.state());
        return new ActionResult.Applied(after, before.state());
    }

    private ActionResult act(ProviderId caller, OfferId id, BiFunction<Offer, Instant, ActionResult> decide) {
        for (int attempt = 1; ; attempt++) {
            Optional<Offer> found = offers.find(id);
            if (found.isEmpty()) {
                return new ActionResult.OfferNotFound(id);
            }
            if (!found.get().provider().equals(caller)) {
                return new ActionResult.NotYourOffer(id);
            }
            try {
                return decide.apply(found.get(), clock.instant());
            } catch (ConcurrentOfferUpdateException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debug("offer {} changed concurrently, deciding again", id);
            }
        }
    }
}
