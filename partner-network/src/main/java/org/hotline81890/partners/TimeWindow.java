package org.hotline81890.partners;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Opening time within a day, start inclusive, end exclusive. An end at or before the start runs past midnight
 * ({@code 22:00-06:00}); the part after midnight belongs to the next day.
 */
public record TimeWindow(LocalTime start, LocalTime end) {
    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public static TimeWindow of(String text) {
        String[] parts = text.strip().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("time window must look like 08:30-17:30, got '" + text + "'");
        }
        return new TimeWindow(parseTime(parts[0]), parseTime(parts[1]));
    }

    private static LocalTime parseTime(String text) {
        String t = text.strip();
        if (t.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time must be HH:mm (00:00..24:00), got '" + t + "'", e);
        }
    }

    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    /** Whether {@code time} on the window's own day is inside it. */
    public boolean containsSameDay(LocalTime time) {
        if (crossesMidnight()) {
            return !time.isBefore(start);
        }
        return !time.isBefore(start) && time.isBefore(end);
    }

    /** Whether {@code time} on the day after the window's day is inside its after-midnight part. */
    public boolean containsNextDay(LocalTime time) {
        return crossesMidnight() && time.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
    }
}
