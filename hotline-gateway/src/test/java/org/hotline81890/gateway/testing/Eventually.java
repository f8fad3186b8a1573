package org.hotline81890.gateway.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a timeout (no fixed sleeps in tests). */
public final class Eventually {
    private Eventually() {
    }

    public static void waitFor(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /** Waits until {@code value} is present and returns it. */
    public static <T> T waitForValue(String what, Duration timeout, Supplier<Optional<T>> value) {
        AtomicReference<T> found = new AtomicReference<>();
        waitFor(what, timeout, () -> {
            value.get().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }
}
