package org.hotline81890.gateway.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Which waiting orders get the next first offers (ADR 0041). {@code fifo}: oldest first, as the outbox claims every
 * row. {@code promise}: an order still inside its promise (offered within {@link #promise} of its intake) goes before
 * one that has missed it, oldest of those first, so that when dispatch falls behind the promise is kept for as many
 * as the decisions allow instead of for none; the orders that missed it keep at least {@link #lateShare} percent of
 * the dispatch slots of every claim (carried over between claims, so small claims pay it too) and every slot the
 * orders inside their promise leave unused, oldest first: none starves, and every escalation rule is unchanged (it
 * only changes which dispatch row is decided next).
 */
public final class FirstOfferOrder {
    /** The two orders. */
    public enum Mode {
        FIFO, PROMISE;

        public static Mode of(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected promise or fifo, not '" + name + "'", e);
            }
        }
    }

    private final Mode mode;
    private final Duration promise;
    private final int lateShare;
    /** Late slots owed to the orders past their promise, in hundredths of a slot. */
    private long owed;

    /** {@code lateShare}: percent (0-100) of the dispatch slots that always go to the oldest late orders. */
    public FirstOfferOrder(Mode mode, Duration promise, int lateShare) {
        if (promise.isNegative() || promise.isZero()) {
            throw new IllegalArgumentException("the promise must be positive: " + promise);
        }
        if (lateShare < 0 || lateShare > 100) {
            throw new IllegalArgumentException("the late share is a percentage: " + lateShare);
        }
        this.mode = mode;
        this.promise = promise;
        this.lateShare = lateShare;
    }

    public static FirstOfferOrder fifo() {
        return new FirstOfferOrder(Mode.FIFO, Duration.ofMinutes(5), 100);
    }

    public boolean promiseAware() {
        return mode == Mode.PROMISE && lateShare < 100;
    }

    /** Orders that came in after this instant are still inside their promise at {@code now}. */
    public Instant promiseStart(Instant now) {
        return now.minus(promise);
    }

    /**
     * Of {@code slots} dispatch rows a first-come claim would take now, how many go to orders still inside their
     * promise; the others are claimed oldest first (the late orders). Zero in {@code fifo}.
     */
    public synchronized int inPromiseSlots(int slots) {
        if (!promiseAware() || slots <= 0) {
            return 0;
        }
        owed += (long) slots * lateShare;
        int late = (int) Math.min(slots, owed / 100);
        owed -= late * 100L;
        return slots - late;
    }

    @Override
    public String toString() {
        return mode == Mode.FIFO ? "fifo" : "promise " + promise + ", late share " + lateShare + " %";
    }
}
