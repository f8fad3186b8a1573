package org.hotline81890.directory.match;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Brings resident text and data words to one form: full-width characters to ASCII, lower case, shape-alike typos
 * fixed, punctuation to a single space, and each English word reduced to a crude stem with filler words dropped
 * ({@code "My kitchen sinks are clogged!"} → {@code " kitchen sink clogg "}).
 */
final class TextNormalizer {
    private static final Set<String> STOPWORDS = Set.of("a", "an", "the", "my", "our", "your", "his", "her", "its",
            "this", "that", "of", "to", "in", "on", "at", "for", "is", "are", "am", "be", "it", "and", "or", "with");

    /**
     * A number written right before Chinese ({@code 518路}, {@code 8寸}) is kept as a word and also leaves this
     * mark glued to the Chinese, so data words such as {@code #路} (a bus route) can say "a number, then 路".
     */
    static final char NUMBER = '#';

    private final Map<String, String> typoFixes;
    private final Predicate<String> keepWhole;

    /** {@code keepWhole} says which ASCII words must not be stemmed (pinyin such as {@code zhaoling}). */
    TextNormalizer(Map<String, String> typoFixes, Predicate<String> keepWhole) {
        this.typoFixes = typoFixes;
        this.keepWhole = keepWhole;
    }

    String normalize(String text) {
        String fixed = text;
        for (Map.Entry<String, String> fix : typoFixes.entrySet()) {
            if (fixed.contains(fix.getKey())) {
                fixed = fixed.replace(fix.getKey(), fix.getValue());
            }
        }
        StringBuilder out = new StringBuilder(fixed.length() + 8);
        out.append(' ');
        int i = 0;
        while (i < fixed.length()) {
            char c = widen(fixed.charAt(i));
            if (isWordChar(c)) {
                int start = i;
                StringBuilder word = new StringBuilder();
                while (i < fixed.length() && isWordChar(widen(fixed.charAt(i)))) {
                    word.append(Character.toLowerCase(widen(fixed.charAt(i))));
                    i++;
                }
                appendWord(out, word.toString());
                if (i < fixed.length() && isCjk(widen(fixed.charAt(i))) && isNumber(word)) {
                    out.append(NUMBER);
                }
                if (start == i) {
                    i++;
                }
            } else if (isCjk(c) || c == NUMBER) {
                out.append(c);
                i++;
            } else {
                space(out);
                i++;
            }
        }
        space(out);
        return out.toString();
    }

    private void appendWord(StringBuilder out, String word) {
        if (STOPWORDS.contains(word)) {
            return;
        }
        space(out);
        out.append(keepWhole.test(word) ? word : stem(word)).append(' ');
    }

    private static void space(StringBuilder out) {
        if (out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
    }

    private static boolean isNumber(CharSequence word) {
        for (int k = 0; k < word.length(); k++) {
            if (word.charAt(k) < '0' || word.charAt(k) > '9') {
                return false;
            }
        }
        return word.length() > 0;
    }

    static String stem(String word) {
        String w = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && w.endsWith("ed")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    static char widen(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return c == '\u3000' ? ' ' : c;
    }

    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c == '&'
                || c == '/' || c == '-' || c == '+';
    }

    static boolean isCjk(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
