package org.hotline81890.partners.store;

import org.hotline81890.partners.offer.OfferId;

/** Someone else changed (or created) this offer first; re-read and decide again. */
public final class ConcurrentOfferUpdateException extends RuntimeException {
    public ConcurrentOfferUpdateException(OfferId id, long expectedStoredVersion) {
        super("offer " + id + " is not at version " + expectedStoredVersion + " in the store");
    }
}
