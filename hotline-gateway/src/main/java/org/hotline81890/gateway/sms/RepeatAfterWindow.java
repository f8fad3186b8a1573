package org.hotline81890.gateway.sms;

import java.time.Duration;
import java.time.Instant;

import org.hotline81890.gateway.workorder.WorkOrder;

/**
 * The dedup-window rule for texts matched by a hash key ({@link DedupWindow#HASH_PREFIX}): the same text from the
 * same phone within the window is the SMSC redelivering it (one request); after the window it is a new request, and
 * gets the key of its next episode. Storage persists the episodes; this says when one starts.
 */
public record RepeatAfterWindow(Duration window) {
    public RepeatAfterWindow {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("dedup window must be positive: " + window);
        }
    }

    /** Orders and notes stored before this instant are outside the window at {@code now}. */
    public Instant cutoff(Instant now) {
        return now.minus(window);
    }

    /**
     * Whether {@code stored}, found already stored under the key of a text arriving {@code now} (not fresh), is an
     * earlier request rather than this text's redelivery: a hash key, stored before the window.
     */
    public boolean isNewRequest(WorkOrder stored, Instant now) {
        return appliesTo(stored.idempotencyKey()) && stored.createdAt().isBefore(cutoff(now));
    }

    /** Whether the rule applies to {@code key} (keys from SMSC message ids are never repeats). */
    public static boolean appliesTo(String key) {
        return key.startsWith(DedupWindow.HASH_PREFIX);
    }
}
