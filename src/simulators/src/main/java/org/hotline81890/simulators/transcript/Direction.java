package org.hotline81890.simulators.transcript;

/** Who put a line on the wire: {@code >} in a transcript is Asterisk, {@code <} is the other side. */
public enum Direction {
    FROM_ASTERISK,
    TO_ASTERISK;

    static Direction of(char marker) {
        return switch (marker) {
            case '>' -> FROM_ASTERISK;
            case '<' -> TO_ASTERISK;
            default -> throw new IllegalArgumentException("not a direction marker: " + marker);
        };
    }
}
