package org.hotline81890.directory.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * Toneless pinyin for every CJK unified ideograph (all readings of polyphones, from pinyin4j), syllable ids, the
 * "fuzzy" syllable key residents' typing tends to blur (zh/z, ch/c, sh/s, -ng/-n, l/n), and splitting of an ASCII
 * token such as {@code shuiguan} into syllables. Built once; immutable and thread-safe afterwards.
 */
final class Pinyin {
    private static final char FIRST = '\u4E00';
    private static final char LAST = '\u9FFF';
    private static final int[] NONE = new int[0];

    private final String[][] readings = new String[LAST - FIRST + 1][];
    private final Map<String, Integer> fuzzyIds = new HashMap<>();
    private final Map<String, Integer> exactIds = new HashMap<>();
    private final Set<String> syllables = new LinkedHashSet<>();
    private final int maxSyllableLength;

    /** One table per JVM: building it reads pinyin4j's data for ~21,000 characters. */
    static Pinyin shared() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final Pinyin INSTANCE = new Pinyin();
    }

    Pinyin() {
        for (char c = FIRST; c <= LAST; c++) {
            String[] raw = PinyinHelper.toHanyuPinyinStringArray(c);
            if (raw == null || raw.length == 0) {
                continue;
            }
            Set<String> toneless = new LinkedHashSet<>();
            for (String r : raw) {
                String s = r.replaceAll("[0-9]", "").replace("u:", "v");
                if (!s.isEmpty()) {
                    toneless.add(s);
                }
            }
            readings[c - FIRST] = toneless.toArray(String[]::new);
            syllables.addAll(toneless);
        }
        int max = 0;
        for (String s : syllables) {
            fuzzyIds.putIfAbsent(fuzzy(s), fuzzyIds.size());
            exactIds.putIfAbsent(s, exactIds.size());
            max = Math.max(max, s.length());
        }
        maxSyllableLength = max;
    }

    /** The toneless readings of a character, most common first; empty when it is not a known ideograph. */
    String[] readings(char c) {
        if (c < FIRST || c > LAST || readings[c - FIRST] == null) {
            return new String[0];
        }
        return readings[c - FIRST];
    }

    /** Syllable ids of a character's readings, exact or fuzzy. */
    int[] ids(char c, boolean fuzzy) {
        String[] r = readings(c);
        if (r.length == 0) {
            return NONE;
        }
        int[] out = new int[r.length];
        int n = 0;
        for (String s : r) {
            int id = id(s, fuzzy);
            if (id >= 0 && !contains(out, n, id)) {
                out[n++] = id;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    int id(String syllable, boolean fuzzy) {
        Integer id = fuzzy ? fuzzyIds.get(fuzzy(syllable)) : exactIds.get(syllable);
        return id == null ? -1 : id;
    }

    /** Splits an ASCII token into the fewest pinyin syllables, or returns an empty list if it is not pinyin. */
    List<String> split(String token) {
        int n = token.length();
        int[] best = new int[n + 1];
        int[] back = new int[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int len = 1; len <= Math.min(maxSyllableLength, end); len++) {
                int start = end - len;
                if (best[start] != Integer.MAX_VALUE && best[start] + 1 < best[end]
                        && syllables.contains(token.substring(start, end))) {
                    best[end] = best[start] + 1;
                    back[end] = start;
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int end = n; end > 0; end = back[end]) {
            out.add(0, token.substring(back[end], end));
        }
        return out;
    }

    /** The first letters of the first reading of each character: 开锁换锁 → kshs. Non-hanzi are kept. */
    String initials(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            String[] r = readings(text.charAt(i));
            out.append(r.length > 0 ? r[0].charAt(0) : Character.toLowerCase(text.charAt(i)));
        }
        return out.toString();
    }

    /** The first reading of each character, joined: 开锁换锁 → kaisuohuansuo. */
    String full(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            String[] r = readings(text.charAt(i));
            out.append(r.length > 0 ? r[0] : String.valueOf(Character.toLowerCase(text.charAt(i))));
        }
        return out.toString();
    }

    static String fuzzy(String s) {
        String f = s;
        if (f.startsWith("zh") || f.startsWith("ch") || f.startsWith("sh")) {
            f = f.charAt(0) + f.substring(2);
        }
        if (f.startsWith("l")) {
            f = "n" + f.substring(1);
        }
        if (f.endsWith("ng") && f.length() > 2) {
            f = f.substring(0, f.length() - 1);
        }
        return f;
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }
}
