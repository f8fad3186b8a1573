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

    /**
     * The national number with its first three and last four digits kept: {@code 13812341111},
     * {@code 8613812341111} and {@code +8613812341111} all become {@code 138****1111} (the country code is not
     * part of what a provider dials or reads).
     */
    public String masked() {
        return mask(national(value));
    }

    /** Without the leading + and, for a Chinese mobile or landline number, without the country code 86. */
    static String national(String raw) {
        String digits = raw.startsWith("+") ? raw.substring(1) : raw;
        if (digits.startsWith("86") && digits.length() >= 12) {
            return digits.substring(2);
        }
        if (digits.startsWith("0086") && digits.length() >= 14) {
            return digits.substring(4);
        }
        return digits;
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
