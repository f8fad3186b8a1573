package org.hotline81890.gateway.channel.smpp.intake;

import java.util.Optional;

/**
 * The ticket number at the start of a command's argument: up to 9 digits, spaces and dashes allowed between
 * them. {@code valid} when exactly 9 digits were read (not followed by a 10th) and the Damm check passes.
 */
record TicketScan(String ticket, String given, String tail, boolean valid) {
    private static final int LENGTH = 9;

    static Optional<TicketScan> of(String args) {
        if (args.isEmpty() || !isAsciiDigit(args.charAt(0))) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder();
        int i = 0;
        while (i < args.length() && digits.length() < LENGTH && isTicketChar(args.charAt(i))) {
            char c = args.charAt(i++);
            if (isAsciiDigit(c)) {
                digits.append(c);
            }
        }
        while (i < args.length() && digits.length() >= LENGTH && isAsciiDigit(args.charAt(i))) {
            digits.append(args.charAt(i++));
        }
        String given = args.substring(0, i).strip();
        String tail = args.substring(i).strip();
        boolean valid = digits.length() == LENGTH && Damm.isValid(digits.toString());
        return Optional.of(new TicketScan(digits.toString(), given, tail, valid));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isTicketChar(char c) {
        return isAsciiDigit(c) || c == ' ' || c == '-' || c == '\u2013' || c == '\u2014';
    }
}
