package org.hotline81890.gateway.dispatch;

import java.security.SecureRandom;
import java.util.function.Supplier;

import org.hotline81890.partners.offer.OfferId;

/**
 * Offer ids made of digits only (a random positive 62-bit number), because an offer is also the subject of a
 * database deadline, whose subject id is a number. Random rather than a sequence so several nodes never collide
 * in practice; an insert of an existing id fails loudly (ConcurrentOfferUpdateException) instead of overwriting.
 */
public final class OfferIds implements Supplier<OfferId> {
    private final SecureRandom random = new SecureRandom();

    @Override
    public OfferId get() {
        long n = (random.nextLong() >>> 2) | 1L << 40;
        return new OfferId(Long.toString(n));
    }

    /** The deadline subject id of an offer made by this class. */
    public static long subjectId(OfferId id) {
        return Long.parseLong(id.value());
    }

    public static OfferId ofSubject(long subjectId) {
        return new OfferId(Long.toString(subjectId));
    }
}
