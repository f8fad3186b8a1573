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
        String[] typed = {"k", "ka", "kai", "kais", "kaisu", "kaisuo", "开", "开锁", "g", "gd", "gds", "gdst"};
        for (int warm = 0; warm < 300; warm++) {
            for (String q : typed) {
                INDEX.search(q, 10);
            }
        }
        double best = Double.MAX_VALUE;
        for (int batch = 0; batch < 5; batch++) {
            long start = System.nanoTime();
            for (String q : typed) {
                INDEX.search(q, 10);
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e6 / typed.length);
        }
        // the best of five batches, so that other processes on a shared machine do not decide the outcome
        assertThat(best).isLessThan(1.0);
    }
}
