package org.hotline81890.gateway.sms;

import java.time.Instant;

/**
 * The outbox key of the reply to one arrival of a message: the same for the SMSC's redeliveries of one message
 * (within smpp.redelivery-window of its first arrival), a new one for the same text sent again later, so every
 * accepted text gets its own reply and a redelivered one still gets exactly one. Keys with the SMSC's own message
 * id need no window (a new message has a new id).
 */
public interface ReplyKeys {
    /** Every arrival of a key is the same message for ever (the behaviour before V11). */
    ReplyKeys NONE = (key, since, at) -> ReplyKey.of(key);

    /**
     * @param messageKey the message's idempotency key
     * @param since      when this message first arrived, if known before (a repeated request: its order's
     *                   creation), else {@code at}
     * @param at         when this arrival reached the gateway (the journal's received_at), not when it is processed:
     *                   a redelivery acknowledged within the window and processed after it still shares the reply
     */
    String replyKey(String messageKey, Instant since, Instant at);

    /** The key of episode {@code n} of a message's reply. */
    static String episodeKey(String messageKey, int episode) {
        return ReplyKey.of(messageKey) + (episode == 0 ? "" : "~" + episode);
    }
}
