package org.hotline81890.partners.dispatch;

import java.util.Locale;

/** What dispatch does with a job nobody can take now because every provider that could is closed (ADR 0019). */
public enum AfterHoursRule {
    /** 督办 at once: a supervisor finds someone (urgent requests). */
    ESCALATE,
    /** Offered at the earliest opening of a provider that can take it; the resident is told when. */
    HOLD,
    /** As {@link #HOLD}, at the earliest opening on a working day (no weekend, no holiday): departments. */
    NEXT_WORKING_DAY;

    /** {@code escalate}, {@code hold} or {@code next-working-day}. */
    public static AfterHoursRule of(String wire) {
        return switch (wire.strip().toLowerCase(Locale.ROOT)) {
            case "escalate" -> ESCALATE;
            case "hold" -> HOLD;
            case "next-working-day" -> NEXT_WORKING_DAY;
            default -> throw new IllegalArgumentException("unknown after-hours rule '" + wire
                    + "' (expected escalate, hold or next-working-day)");
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
