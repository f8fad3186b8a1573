package org.hotline81890.directory.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie over fuzzy pinyin syllable ids. It is scanned over a lattice (each position holds the possible syllables
 * of one character or one typed syllable), so polyphones and homophone typos (冰相 → 冰箱) both match.
 */
final class SyllableTrie {
    private static final int MAX_COMBINATIONS = 16;

    private final Map<Integer, SyllableTrie> next = new HashMap<>();
    private final List<Integer> terms = new ArrayList<>();

    private final boolean fuzzy;

    SyllableTrie(boolean fuzzy) {
        this.fuzzy = fuzzy;
    }

    /** Adds a Chinese term under every combination of its characters' readings (bounded). */
    void add(String text, int term, Pinyin pinyin) {
        List<int[]> options = new ArrayList<>();
        long combinations = 1;
        for (int i = 0; i < text.length(); i++) {
            int[] ids = pinyin.ids(text.charAt(i), fuzzy);
            if (ids.length == 0) {
                return;
            }
            combinations *= ids.length;
            options.add(combinations > MAX_COMBINATIONS ? new int[] {ids[0]} : ids);
        }
        add(options, 0, term);
    }

    private void add(List<int[]> options, int depth, int term) {
        if (depth == options.size()) {
            if (!terms.contains(term)) {
                terms.add(term);
            }
            return;
        }
        for (int id : options.get(depth)) {
            next.computeIfAbsent(id, k -> new SyllableTrie(fuzzy)).add(options, depth + 1, term);
        }
    }

    /** Reports (term, start, end) in lattice positions for every term found. */
    void scan(int[][] lattice, CharTrie.Sink sink) {
        for (int start = 0; start < lattice.length; start++) {
            walk(lattice, start, start, sink);
        }
    }

    private void walk(int[][] lattice, int start, int pos, CharTrie.Sink sink) {
        if (pos > start) {
            for (int term : terms) {
                sink.found(term, start, pos);
            }
        }
        if (pos >= lattice.length) {
            return;
        }
        for (int id : lattice[pos]) {
            SyllableTrie child = next.get(id);
            if (child != null) {
                child.walk(lattice, start, pos + 1, sink);
            }
        }
    }
}
