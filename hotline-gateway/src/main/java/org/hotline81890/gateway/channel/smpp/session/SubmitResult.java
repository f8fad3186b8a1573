package org.hotline81890.gateway.channel.smpp.session;

import java.util.List;
import java.util.Objects;

/** What became of an {@link OutboundSms}. Message ids are in part order and match later delivery receipts. */
public sealed interface SubmitResult {

    record Sent(List<String> messageIds) implements SubmitResult {
        public Sent {
            messageIds = List.copyOf(messageIds);
        }
    }

    /**
     * Not (fully) sent. {@code retryable}: throttling, no bind, timeouts — try the row again later.
     * {@code sentMessageIds}: parts already accepted before the failure.
     */
    record Failed(String reason, boolean retryable, List<String> sentMessageIds) implements SubmitResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            sentMessageIds = List.copyOf(sentMessageIds);
        }
    }
}
