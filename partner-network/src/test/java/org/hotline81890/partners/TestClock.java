package org.hotline81890.partners;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock tests move by hand. */
public final class TestClock extends Clock {
    private Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    /** Tuesday 2026-03-03 10:00 in Shanghai. */
    public static TestClock tuesdayMorning() {
        return new TestClock(Instant.parse("2026-03-03T02:00:00Z"));
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant at) {
        now = at;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return OpeningHours.SHANGHAI;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
