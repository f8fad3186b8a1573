package org.hotline81890.partners.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks identifiers a resident wrote into free text before a provider sees it (architecture rule 6): mobile and
 * landline numbers, resident ID card numbers (18 or 15 characters), bank card numbers (16 to 19 digits) and vehicle
 * plates. Digits may be grouped by single spaces or dashes, as people write them ("139-1234-5678"); the grouping is
 * kept and only digits (and a plate's letters) become {@code *}. Shorter numbers (house numbers, times, prices,
 * 9-digit ticket numbers, dates) are left alone. Pure and table-tested; every text a provider sees (API, webhook,
 * SMS, pages) goes through {@link JobViews}, which applies it.
 */
public final class FreeTextMask {
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z])(?:\\+?86[ -]?)?[0-9](?:[ -]?[0-9]){6,22}(?:[ -]?[Xx])?(?![0-9A-Za-z])");
    private static final Pattern PLATE = Pattern.compile(
            "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-HJ-NP-Z][·• ]?[A-HJ-NP-Z0-9]{5,6}"
                    + "(?![A-Za-z0-9])");

    private FreeTextMask() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return plates(numbers(text));
    }

    private static String numbers(String text) {
        Matcher m = NUMBER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(maskNumber(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** How many leading and trailing digits stay visible for the kind of number, or the number as is. */
    static String maskNumber(String raw) {
        String digits = raw.replaceAll("[^0-9Xx]", "");
        boolean plus86 = raw.startsWith("+86") || (raw.startsWith("86") && digits.length() == 13);
        String national = plus86 ? digits.substring(2) : digits;
        int offset = digits.length() - national.length();
        int n = national.length();
        int keepStart;
        int keepEnd;
        if (n == 11 && national.matches("1[3-9][0-9]{9}")) {
            keepStart = 3;
            keepEnd = 4;
        } else if (n == 18 && national.matches("[1-9][0-9]{16}[0-9Xx]")
                || n == 15 && national.matches("[1-9][0-9]{14}")) {
            keepStart = 3;
            keepEnd = 4;
        } else if (n >= 16 && n <= 19 && national.matches("[0-9]+")) {
            keepStart = 0;
            keepEnd = 4;
        } else if (n >= 10 && n <= 12 && national.matches("0[1-9][0-9]+")) {
            keepStart = national.startsWith("01") || national.startsWith("02") ? 3 : 4;
            keepEnd = 4;
        } else {
            return raw;
        }
        return hide(raw, offset + keepStart, digits.length() - keepEnd);
    }

    /** {@code raw} with the digit positions {@code from} (inclusive) to {@code to} (exclusive) as {@code *}. */
    private static String hide(String raw, int from, int to) {
        StringBuilder out = new StringBuilder(raw.length());
        int digit = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean isDigit = (c >= '0' && c <= '9') || c == 'X' || c == 'x';
            out.append(isDigit && digit >= from && digit < to ? '*' : c);
            if (isDigit) {
                digit++;
            }
        }
        return out.toString();
    }

    private static String plates(String text) {
        Matcher m = PLATE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String p = m.group();
            // province and issuing letter stay (a region, not a vehicle); the last two characters stay
            String rest = p.substring(2);
            int keep = 2;
            StringBuilder masked = new StringBuilder(p.substring(0, 2));
            for (int i = 0; i < rest.length(); i++) {
                char c = rest.charAt(i);
                boolean sep = c == '·' || c == '•' || c == ' ';
                masked.append(sep || i >= rest.length() - keep ? c : '*');
            }
            m.appendReplacement(out, Matcher.quoteReplacement(masked.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
