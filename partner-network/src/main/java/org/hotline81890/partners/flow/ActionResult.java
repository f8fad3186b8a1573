package org.hotline81890.partners.flow;

import java.util.Locale;

import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.OfferState;

/**
 * The outcome of a provider's action through the partner API, portal or SMS. {@link Applied} and
 * {@link Repeated} succeed (the second is a retry of the same action: answer it the same way, change nothing);
 * every {@link Rejection} says exactly what is wrong. Suggested HTTP status in brackets.
 */
public sealed interface ActionResult {

    /** The action changed the offer; the new version is saved. [200] */
    record Applied(Offer offer, OfferState from) implements ActionResult {
    }

    /** The same action was already done; nothing changed (idempotent retry). [200] */
    record Repeated(Offer offer) implements ActionResult {
    }

    /**
     * A department's extension request within the terms, waiting for a supervisor's decision; nothing changed
     * yet. [202]
     */
    record ExtensionRequested(Offer offer, java.time.Duration extra) implements ActionResult {
    }

    /** Why an action was refused; {@link #message()} is safe to show the provider. */
    sealed interface Rejection extends ActionResult {
        String message();
    }

    /** [404] */
    record OfferNotFound(OfferId id) implements Rejection {
        public String message() {
            return "offer " + id + " not found";
        }
    }

    /** The caller is not the provider this offer went to. [403, or 404 to hide that it exists] */
    record NotYourOffer(OfferId id) implements Rejection {
        public String message() {
            return "offer " + id + " was not made to you";
        }
    }

    /** The accept deadline passed. [409, code offer_expired] */
    record OfferExpired(Offer offer) implements Rejection {
        public String message() {
            return "offer expired at " + offer.acceptBy();
        }
    }

    /** Declining an offer already accepted: ask the hotline to cancel instead. [409, code already_accepted] */
    record AlreadyAccepted(Offer offer) implements Rejection {
        public String message() {
            return "offer already accepted at " + offer.answeredAt().map(Object::toString).orElse("?")
                    + "; ask the hotline to reassign it";
        }
    }

    /** The hotline withdrew the offer (work order cancelled or reassigned). [409, code offer_cancelled] */
    record OfferCancelled(Offer offer) implements Rejection {
        public String message() {
            return "offer was cancelled by the hotline";
        }
    }

    /** The action does not fit the offer's state, e.g. start before accept. [409, code illegal_state] */
    record IllegalState(Offer offer, String action) implements Rejection {
        public String message() {
            return "cannot " + action + " an offer that is " + offer.state().name().toLowerCase(Locale.ROOT);
        }
    }

    /** An extension request was refused; the detail says why. [422, code extension_refused] */
    record ExtensionRefused(Offer offer, String detail) implements Rejection {
        public String message() {
            return "extension refused: " + detail;
        }
    }
}
