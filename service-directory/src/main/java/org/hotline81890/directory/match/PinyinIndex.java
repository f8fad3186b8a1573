package org.hotline81890.directory.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.Keyword;
import org.hotline81890.directory.Service;

/**
 * Agent search as they type: a service is found by its code ({@code rp-09}), Chinese name or keyword (开锁), full
 * pinyin ({@code kaisuo}), pinyin initials ({@code ks}, {@code gdst} → 管道疏通 under 下水道疏通) or English
 * ({@code lock}). Names rank above keywords, prefixes above infixes. Immutable and thread-safe.
 */
public final class PinyinIndex {
    private final List<Entry> entries = new ArrayList<>();

    public PinyinIndex(Directory directory) {
        this(directory, Pinyin.shared());
    }

    PinyinIndex(Directory directory, Pinyin pinyin) {
        for (Service s : directory.services()) {
            String name = s.nameZh().replaceAll("[（）()/、]", "");
            entries.add(new Entry(s, s.code().toLowerCase(Locale.ROOT), s.code().toLowerCase(Locale.ROOT)
                    .replace("-", ""), name, pinyin.full(name),
                    pinyin.initials(name), s.nameEn().toLowerCase(Locale.ROOT), keywords(s, pinyin)));
        }
    }

    private static List<String[]> keywords(Service s, Pinyin pinyin) {
        List<String[]> out = new ArrayList<>();
        for (Keyword k : s.keywords()) {
            if (k.kind() == Keyword.Kind.TYPO || k.text().length() < 2) {
                continue;
            }
            String t = k.text().toLowerCase(Locale.ROOT);
            out.add(new String[] {t, pinyin.full(t), pinyin.initials(t)});
        }
        return out;
    }

    /** Up to {@code limit} services for what the agent has typed so far, best first; empty for a blank query. */
    public List<Service> search(String query, int limit) {
        String q = query.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("'", "");
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<Scored> hits = new ArrayList<>();
        for (Entry e : entries) {
            int score = e.score(q, q.replace("-", ""));
            if (score > 0) {
                hits.add(new Scored(e.service, score));
            }
        }
        hits.sort(Comparator.comparingInt((Scored h) -> -h.score).thenComparing(h -> h.service.code()));
        return hits.stream().limit(limit).map(Scored::service).toList();
    }

    private record Scored(Service service, int score) {
    }

    private record Entry(Service service, String code, String compactCode, String name, String full, String initials,
                         String english, List<String[]> keywords) {
        int score(String q, String compactQuery) {
            int best = 0;
            best = Math.max(best, code.equals(q) ? 100 : compactCode.startsWith(compactQuery) ? 90 : 0);
            best = Math.max(best, name.startsWith(q) ? 85 : name.contains(q) ? 80 : 0);
            best = Math.max(best, full.startsWith(q) ? 75 : full.contains(q) && q.length() >= 3 ? 60 : 0);
            best = Math.max(best, initials.startsWith(q) ? 70 : initials.contains(q) && q.length() >= 2 ? 55 : 0);
            best = Math.max(best, english.startsWith(q) ? 50 : english.contains(q) && q.length() >= 3 ? 45 : 0);
            if (best >= 50) {
                return best;
            }
            boolean ascii = q.charAt(0) < 0x80;
            for (String[] k : keywords) {
                if (!ascii) {
                    best = Math.max(best, k[0].startsWith(q) ? 42 : k[0].contains(q) ? 40 : 0);
                } else if (q.length() >= 2) {
                    best = Math.max(best, k[1].startsWith(q) ? 38 : k[2].equals(q) ? 36
                            : q.length() >= 3 && k[2].startsWith(q) ? 30 : 0);
                }
            }
            return best;
        }
    }
}
