package org.hotline81890.gateway.sms;

/**
 * The outbox dedupe key of a direct reply to a resident's text. Such a reply is sent even to a resident who stopped
 * notifications (TD/STOP): it answers what they just sent.
 */
public final class ReplyKey {
    private static final String PREFIX = "sms-reply:";

    private ReplyKey() {
    }

    /** The dedupe key of the reply to the text stored under {@code idempotencyKey}. */
    public static String of(String idempotencyKey) {
        return PREFIX + idempotencyKey;
    }

    public static boolean isReply(String dedupeKey) {
        return dedupeKey.startsWith(PREFIX);
    }
}
