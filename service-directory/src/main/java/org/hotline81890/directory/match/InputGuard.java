package org.hotline81890.directory.match;

/**
 * What any text becomes before matching: control characters dropped, cut to {@link #MAX_CHARS} characters (a
 * request is a sentence or two; the cost of both stages grows with length), and the test for "nothing to match".
 */
final class InputGuard {
    static final int MAX_CHARS = 200;

    private InputGuard() {
    }

    static String clean(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS));
        for (int i = 0; i < text.length() && out.length() < MAX_CHARS; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int kind = Character.getType(cp);
            if (kind == Character.CONTROL || kind == Character.FORMAT || kind == Character.SURROGATE
                    || kind == Character.UNASSIGNED || kind == Character.PRIVATE_USE) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString().strip();
    }

    /** True when the text has no letter at all: empty, only digits (a phone number), punctuation or emoji. */
    static boolean nothingToMatch(String cleaned) {
        return cleaned.codePoints().noneMatch(Character::isLetter);
    }

    /** Mostly Latin letters (English, pinyin): the Chinese sentence model reads these poorly. */
    static boolean latin(String cleaned) {
        int latin = 0;
        int other = 0;
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                latin++;
            } else if (Character.isLetter(c)) {
                other++;
            }
        }
        return latin > 2 * other;
    }
}
