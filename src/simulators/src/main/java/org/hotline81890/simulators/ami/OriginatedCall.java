package org.hotline81890.simulators.ami;

import java.util.Objects;

/**
 * The two halves of an originated Local channel: {@code one} ({@code ;1}, the originated "caller" that then runs
 * the Originate's Context/Exten or Application) and {@code two} ({@code ;2}, running the target's dialplan).
 */
public record OriginatedCall(String actionId, ChannelSnapshot one, ChannelSnapshot two, OriginateOutcome outcome) {
    public OriginatedCall {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(one, "one");
        Objects.requireNonNull(two, "two");
        Objects.requireNonNull(outcome, "outcome");
    }
}
