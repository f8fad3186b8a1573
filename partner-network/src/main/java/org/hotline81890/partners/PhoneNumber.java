package org.hotline81890.partners;

import java.util.Objects;
import java.util.regex.Pattern;

/** A phone number as digits (optional leading +). {@link #masked()} is what logs and partners see. */
public record PhoneNumber(String value) {
    private static final Pattern FORMAT = Pattern.compile("\\+?[0-9]{7,15}");

    public PhoneNumber {
        Objects.requireNonNull(value, "phone number");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("phone number must be 7..15 digits, got " + mask(value));
        }
    }

    public static PhoneNumber of(String text) {
        return new PhoneNumber(text == null ? null : text.strip().replace("-", "").replace(" ", ""));
    }

    /** First three and last four digits kept: {@code 13812341111} becomes {@code 138****1111}. */
    public String masked() {
        return mask(value);
    }

    private static String mask(String raw) {
        if (raw.length() < 8) {
            return "*".repeat(raw.length());
        }
        return raw.substring(0, 3) + "****" + raw.substring(raw.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
