package org.hotline81890.directory.match;

import java.util.ArrayList;
import java.util.List;

/**
 * The pinyin view of a normalized text: one position per Chinese character or per syllable of a typed pinyin
 * word; other words and digits are an empty position that no pinyin term can cross. {@code exact} holds the exact
 * readings of Chinese characters (typed positions empty); {@code typed} the fuzzy ids of typed syllables (Chinese
 * positions empty). Also maps each character of the normalized text to its span of positions.
 */
final class Lattice {
    private static final int[] EMPTY = new int[0];

    final int[][] exact;
    final int[][] typed;
    final int[] spanStart;
    final int[] spanEnd;

    Lattice(String normalized, Pinyin pinyin) {
        List<int[]> exactOut = new ArrayList<>();
        List<int[]> typedOut = new ArrayList<>();
        spanStart = new int[normalized.length()];
        spanEnd = new int[normalized.length()];
        int i = 0;
        while (i < normalized.length()) {
            char c = normalized.charAt(i);
            if (c == ' ') {
                spanStart[i] = exactOut.size();
                spanEnd[i] = exactOut.size();
                i++;
            } else if (c >= 0x80) {
                spanStart[i] = exactOut.size();
                exactOut.add(pinyin.ids(c, false));
                typedOut.add(EMPTY);
                spanEnd[i] = exactOut.size();
                i++;
            } else {
                int end = normalized.indexOf(' ', i);
                end = end < 0 ? normalized.length() : end;
                int first = exactOut.size();
                List<String> syllables = end - i >= 2 ? pinyin.split(normalized.substring(i, end)) : List.of();
                for (String s : syllables) {
                    int id = pinyin.id(s, true);
                    typedOut.add(id < 0 ? EMPTY : new int[] {id});
                    exactOut.add(EMPTY);
                }
                if (syllables.isEmpty()) {
                    typedOut.add(EMPTY);
                    exactOut.add(EMPTY);
                }
                for (int k = i; k < end; k++) {
                    spanStart[k] = first;
                    spanEnd[k] = exactOut.size();
                }
                i = end;
            }
        }
        exact = exactOut.toArray(int[][]::new);
        typed = typedOut.toArray(int[][]::new);
    }
}
