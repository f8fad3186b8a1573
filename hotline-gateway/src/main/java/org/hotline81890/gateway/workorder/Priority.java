package org.hotline81890.gateway.workorder;

import java.util.Locale;

public enum Priority {
    NORMAL, URGENT, EMERGENCY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority ofWire(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown priority '" + value + "' (expected normal, urgent or emergency)");
        }
    }

    public Priority max(Priority other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
