package org.hotline81890.gateway.callback;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a caller asked to be called back; {@link #wire()} is the name in storage, APIs and the dialplan. */
public enum CallbackReason {
    /** Pressed 1 outside opening hours. */
    AFTER_HOURS,
    /** Waited in the queue until its timeout without reaching an agent. */
    QUEUE_TIMEOUT,
    /** Answered the satisfaction survey 不满意: an agent calls back (回访). */
    UNSATISFIED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<CallbackReason> ofWire(String wire) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(wire)).findFirst();
    }
}
