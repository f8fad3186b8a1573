package org.hotline81890.directory.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotline81890.directory.Cue;
import org.hotline81890.directory.Directory;
import org.hotline81890.directory.Keyword;
import org.hotline81890.directory.RequestType;
import org.hotline81890.directory.Service;
import org.hotline81890.directory.SharedWord;

/**
 * The directory compiled for matching: every keyword and cue normalized into one character trie (exact words,
 * English) and one pinyin trie (pinyin input and homophone typos). Immutable after construction.
 */
final class Vocabulary {
    final List<Service> services;
    final List<Term> terms = new ArrayList<>();
    final TextNormalizer normalizer;
    final Pinyin pinyin;
    final CharTrie chars;
    /** Exact readings, service words only: homophone typos in Chinese text (冰相 → 冰箱). */
    final SyllableTrie homophones = new SyllableTrie(false);
    /** Fuzzy readings, every word and cue: typed pinyin (bing xiang, banjia duoshao qian). */
    final SyllableTrie typed = new SyllableTrie(true);
    private final CharTrie.Builder charBuilder = new CharTrie.Builder();

    Vocabulary(Directory directory, Pinyin pinyin) {
        this.services = directory.services();
        this.pinyin = pinyin;
        this.normalizer = new TextNormalizer(directory.lexicon().typoFixes(), this::isPinyin);
        for (int s = 0; s < services.size(); s++) {
            for (Keyword k : services.get(s).keywords()) {
                add(k.text(), k.weight(), new Term.ForServices(new int[] {s}, k.kind()));
            }
        }
        for (SharedWord w : directory.lexicon().sharedWords()) {
            int[] idx = w.codes().stream().mapToInt(this::indexOf).toArray();
            add(w.text(), w.weight(), new Term.ForServices(idx, Keyword.Kind.WORD));
        }
        for (Map.Entry<RequestType, List<Cue>> e : directory.lexicon().typeCues().entrySet()) {
            for (Cue c : e.getValue()) {
                add(c.text(), c.weight(), new Term.ForType(e.getKey()));
            }
        }
        directory.lexicon().urgencyCues().forEach(c -> add(c.text(), c.weight(), new Term.Urgency()));
        directory.lexicon().noneCues().forEach(c -> add(c.text(), c.weight(), new Term.NotARequest()));
        this.chars = charBuilder.build();
    }

    boolean isPinyin(String token) {
        return pinyin != null && token.length() >= 2 && !pinyin.split(token).isEmpty();
    }

    private int indexOf(String code) {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown service " + code);
    }

    private void add(String text, double weight, Term.Target target) {
        String normalized = normalizer.normalize(text).strip();
        if (normalized.isEmpty()) {
            return;
        }
        int id = terms.size();
        terms.add(new Term(text, weight, target));
        charBuilder.add(normalized, id);
        if (normalized.length() >= 2 && normalized.chars().allMatch(c -> TextNormalizer.isCjk((char) c))) {
            typed.add(normalized, id, pinyin);
            if (target instanceof Term.ForServices && target.family() == 0) {
                homophones.add(normalized, id, pinyin);
            }
        }
    }
}
