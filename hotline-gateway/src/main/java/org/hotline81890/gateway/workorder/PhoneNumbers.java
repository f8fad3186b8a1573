package org.hotline81890.gateway.workorder;

/** Phone numbers as the hotline keeps them, and as logs may show them (masked, architecture rule 6). */
public final class PhoneNumbers {
    private PhoneNumbers() {
    }

    /** Keeps a leading '+' and digits; an absent or withheld number becomes "anonymous". */
    public static String normalise(String raw) {
        if (raw == null) {
            return "anonymous";
        }
        String s = raw.strip();
        String digits = digitsOf(s);
        if (digits.isEmpty()) {
            return "anonymous";
        }
        if (digits.length() > 20) {
            throw new IllegalArgumentException("phone number has more than 20 digits");
        }
        return s.startsWith("+") ? "+" + digits : digits;
    }

    /** The ASCII digits of {@code s}, in order (a loop: this runs for every call and message). */
    private static String digitsOf(String s) {
        StringBuilder digits = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** {@code 13800001111 -> 138****1111}: enough for a person to recognise, not enough to call. */
    public static String mask(String number) {
        if (number == null || number.length() < 7) {
            return "****";
        }
        int keepEnd = 4;
        int keepStart = number.length() >= 11 ? 3 : 2;
        return number.substring(0, keepStart) + "*".repeat(number.length() - keepStart - keepEnd)
                + number.substring(number.length() - keepEnd);
    }
}
