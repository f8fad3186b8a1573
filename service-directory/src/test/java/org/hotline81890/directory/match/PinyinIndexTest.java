package org.hotline81890.directory.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline81890.directory.Service;
import org.hotline81890.directory.load.DirectoryLoader;
import org.junit.jupiter.api.Test;

class PinyinIndexTest {
    private static final PinyinIndex INDEX = new PinyinIndex(DirectoryLoader.loadDefault());

    private static List<String> codes(String query) {
        return INDEX.search(query, 5).stream().map(Service::code).toList();
    }

    @Test
    void initialsOfAKeywordFindDrainUnblocking() {
        assertThat(codes("gdst")).contains("RP-02");
    }

    @Test
    void fullPinyinAndInitialsFindTheLocksmithFirst() {
        assertThat(codes("kaisuo")).first().isEqualTo("RP-09");
        assertThat(codes("ks")).first().isEqualTo("RP-09");
    }

    @Test
    void hanziEnglishAndCodeWork() {
        assertThat(codes("开锁")).first().isEqualTo("RP-09");
        assertThat(codes("locksmith")).first().isEqualTo("RP-09");
        assertThat(codes("rp-09")).first().isEqualTo("RP-09");
        assertThat(codes("yues")).first().isEqualTo("HK-03");
    }

    @Test
    void blankQueryFindsNothingAndLimitIsKept() {
        assertThat(INDEX.search("  ", 5)).isEmpty();
        assertThat(INDEX.search("r", 3)).hasSize(3);
    }

    @Test
    void aKeystrokeTakesLessThanAMillisecond() {
        String[] typed = {"k", "ka", "kai", "kais", "kaisu", "kaisuo"};
        for (int warm = 0; warm < 200; warm++) {
            for (String q : typed) {
                INDEX.search(q, 10);
            }
        }
        long start = System.nanoTime();
        int rounds = 200;
        for (int i = 0; i < rounds; i++) {
            for (String q : typed) {
                INDEX.search(q, 10);
            }
        }
        double perKeystrokeMs = (System.nanoTime() - start) / 1e6 / (rounds * typed.length);
        assertThat(perKeystrokeMs).isLessThan(1.0);
    }
}
