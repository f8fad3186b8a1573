package org.hotline81890.directory.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A character trie over normalized terms, frozen into sorted arrays for fast scanning. Terms made of ASCII only
 * (English words, {@code 110}, {@code wifi}) match at word boundaries; Chinese terms match anywhere.
 */
final class CharTrie {
    private final char[] keys;
    private final CharTrie[] children;
    private final int[] terms;

    private CharTrie(char[] keys, CharTrie[] children, int[] terms) {
        this.keys = keys;
        this.children = children;
        this.terms = terms;
    }

    /** Calls {@code sink} with (termId, start, end) for every term found in {@code text}. */
    void scan(String text, Sink sink) {
        for (int start = 0; start < text.length(); start++) {
            char first = text.charAt(start);
            if (first == ' ') {
                continue;
            }
            boolean wordStart = text.charAt(start - 1 < 0 ? 0 : start - 1) == ' ' || !isAscii(first);
            CharTrie node = this;
            for (int i = start; i < text.length() && node != null; i++) {
                node = node.child(text.charAt(i));
                if (node != null && node.terms.length > 0) {
                    boolean ascii = isAscii(first) && isAscii(text.charAt(i));
                    boolean boundary = !ascii || (wordStart && (i + 1 >= text.length() || text.charAt(i + 1) == ' '));
                    if (boundary) {
                        for (int term : node.terms) {
                            sink.found(term, start, i + 1);
                        }
                    }
                }
            }
        }
    }

    private static boolean isAscii(char c) {
        return c < 0x80;
    }

    private CharTrie child(char c) {
        int i = Arrays.binarySearch(keys, c);
        return i >= 0 ? children[i] : null;
    }

    interface Sink {
        void found(int term, int start, int end);
    }

    static final class Builder {
        private final TreeMap<Character, Builder> next = new TreeMap<>();
        private final List<Integer> terms = new ArrayList<>();

        void add(String text, int term) {
            Builder node = this;
            for (int i = 0; i < text.length(); i++) {
                node = node.next.computeIfAbsent(text.charAt(i), c -> new Builder());
            }
            if (!node.terms.contains(term)) {
                node.terms.add(term);
            }
        }

        CharTrie build() {
            char[] keys = new char[next.size()];
            CharTrie[] children = new CharTrie[next.size()];
            int i = 0;
            for (var entry : next.entrySet()) {
                keys[i] = entry.getKey();
                children[i] = entry.getValue().build();
                i++;
            }
            return new CharTrie(keys, children, terms.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
