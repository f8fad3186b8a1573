package org.hotline81890.directory.load;

/** A data token with an optional {@code ^weight} suffix, e.g. {@code 阿姨^0.5}. */
record Weighted(String text, double weight) {

    static Weighted parse(DataLine line, String token, double fallback) {
        int caret = token.lastIndexOf('^');
        if (caret < 0) {
            return new Weighted(token, fallback);
        }
        String text = token.substring(0, caret).strip();
        double weight = line.number(token.substring(caret + 1));
        if (text.isEmpty() || !(weight > 0 && weight <= 10)) {
            throw line.error("bad weighted word '" + token + "' (use word^weight with weight in (0, 10])");
        }
        return new Weighted(text, weight);
    }

    /** Longer words are more telling: two characters 1.0, three 1.5, four or more 2.0 (one character 0.4). */
    static double defaultWeight(String text) {
        int n = text.codePointCount(0, text.length());
        if (n <= 1) {
            return 0.4;
        }
        return n == 2 ? 1.0 : n == 3 ? 1.5 : 2.0;
    }
}
