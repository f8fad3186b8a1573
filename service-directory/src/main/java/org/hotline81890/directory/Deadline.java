package org.hotline81890.directory;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A deadline measured from receipt: minutes, hours or working days ({@code 30m}, {@code 24h}, {@code 2wd}). */
public record Deadline(int amount, Unit unit) {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)(m|h|wd)");

    public enum Unit { MINUTES, HOURS, WORKING_DAYS }

    public Deadline {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0) {
            throw new IllegalArgumentException("deadline amount must be positive: " + amount);
        }
    }

    /** Parses {@code 30m}, {@code 2h} or {@code 10wd}. */
    public static Deadline of(String text) {
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("deadline must look like 30m, 2h or 10wd: '" + text + "'");
        }
        Unit unit = switch (m.group(2)) {
            case "m" -> Unit.MINUTES;
            case "h" -> Unit.HOURS;
            default -> Unit.WORKING_DAYS;
        };
        return new Deadline(Integer.parseInt(m.group(1)), unit);
    }

    @Override
    public String toString() {
        return amount + switch (unit) {
            case MINUTES -> "m";
            case HOURS -> "h";
            case WORKING_DAYS -> "wd";
        };
    }
}
