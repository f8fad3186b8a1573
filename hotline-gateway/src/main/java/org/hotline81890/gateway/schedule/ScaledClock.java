package org.hotline81890.gateway.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time for the demo ({@code hotline demo --speed 60x}): from an origin, the clock runs {@code speed} times
 * faster than the machine's monotonic clock. Everything that reads the time through the injected {@link Clock}
 * (deadlines, offers, surveys, KPIs) lives in simulated time; the loops that sleep between two clock instants must
 * sleep the real time that span takes, {@link #realWait}. The speed may change while running (the demo drains a
 * simulated day faster than it fills it); simulated time never jumps back.
 */
public final class ScaledClock extends Clock {
    private volatile Base base;

    private record Base(Instant simulated, long realNanos, double speed) {
        Instant at(long nanos) {
            return simulated.plusNanos((long) ((nanos - realNanos) * speed));
        }
    }

    public ScaledClock(Instant origin, double speed) {
        this.base = new Base(origin, System.nanoTime(), check(speed));
    }

    private static double check(double speed) {
        if (!(speed >= 1 && speed <= 100_000)) {
            throw new IllegalArgumentException("speed must be between 1 and 100000, got " + speed);
        }
        return speed;
    }

    public double speed() {
        return base.speed();
    }

    /** From now on, runs at {@code speed}; the simulated time so far is kept. */
    public synchronized void setSpeed(double speed) {
        long now = System.nanoTime();
        base = new Base(base.at(now), now, check(speed));
    }

    /** The real time that {@code onClock} of this clock's time takes (a span as the engine computes it). */
    public Duration real(Duration onClock) {
        return Duration.ofNanos((long) (onClock.toNanos() / base.speed()));
    }

    /** The real wait for a span measured on {@code clock}: divided by the speed of a scaled clock, else itself. */
    public static Duration realWait(Clock clock, Duration onClock) {
        return clock instanceof ScaledClock s ? s.real(onClock) : onClock;
    }

    @Override
    public Instant instant() {
        return base.at(System.nanoTime());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a scaled clock is UTC; convert instants where a zone is needed");
    }
}
