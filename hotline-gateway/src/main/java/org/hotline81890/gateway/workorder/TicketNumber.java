package org.hotline81890.gateway.workorder;

import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The number read to callers and typed into SMS: nine digits, the last a Damm check digit, so that any single
 * wrong digit and any swap of two neighbours is caught (keyed on a phone pad, read out loud, typed in a text).
 * Digits only, because callers key it in with DTMF. Spaces and dashes are accepted on input.
 */
public record TicketNumber(String value) {
    private static final int[][] DAMM = {
        {0, 3, 1, 7, 5, 9, 8, 6, 4, 2}, {7, 0, 9, 2, 1, 5, 4, 8, 6, 3}, {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
        {1, 7, 5, 0, 9, 8, 3, 4, 2, 6}, {6, 1, 2, 3, 0, 4, 5, 9, 7, 8}, {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
        {5, 8, 6, 9, 7, 2, 0, 1, 3, 4}, {8, 9, 4, 5, 3, 6, 2, 0, 1, 7}, {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
        {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}};
    public static final int LENGTH = 9;
    /** Compiled once: every row read builds a TicketNumber, and String.matches compiles its pattern each time. */
    private static final Pattern FORM = Pattern.compile("[1-9][0-9]{8}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]");

    public TicketNumber {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a ticket number is 9 digits not starting with 0, was '" + value + "'");
        }
        if (checkDigit(value.substring(0, LENGTH - 1)) != value.charAt(LENGTH - 1) - '0') {
            throw new IllegalArgumentException("ticket number '" + value + "' has a wrong check digit");
        }
    }

    /** Parses what a person typed or keyed: spaces and dashes are ignored. */
    public static TicketNumber of(String typed) {
        if (typed == null) {
            throw new IllegalArgumentException("a ticket number is required");
        }
        return new TicketNumber(SEPARATORS.matcher(typed).replaceAll(""));
    }

    public static boolean isValid(String typed) {
        try {
            of(typed);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static TicketNumber random(RandomGenerator random) {
        String body = (1 + random.nextInt(9)) + String.format("%07d", random.nextInt(10_000_000));
        return new TicketNumber(body + checkDigit(body));
    }

    static int checkDigit(String digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = DAMM[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }

    /** Grouped for reading out and display: {@code 123-456-789}. */
    public String grouped() {
        return value.substring(0, 3) + "-" + value.substring(3, 6) + "-" + value.substring(6);
    }

    @Override
    public String toString() {
        return value;
    }
}
