package org.hotline81890.directory.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CharGramsTest {
    private static final List<String> TEXTS = List.of(
            "想请个住家阿姨，吃住都在家里", "住家的保姆一个月多少钱", "要个住家的，晚上也在",
            "每天上门来照顾老人几个小时", "老人需要有人上门照料", "上门帮老人擦身做饭");
    private static final int[] LABELS = {0, 0, 0, 1, 1, 1};

    @Test
    void theClassWhoseExamplesShareTheTextsPairsComesFirst() {
        CharGrams grams = CharGrams.of(TEXTS, LABELS, 2);

        double[] livesIn = grams.gaps("找个住家阿姨", -1);
        double[] visits = grams.gaps("找人每天上门照顾我妈", -1);

        assertEquals(0, livesIn[0]);
        assertTrue(livesIn[1] < -1, "live-in words: " + livesIn[1]);
        assertEquals(0, visits[1]);
        assertTrue(visits[0] < -1, "visiting words: " + visits[0]);
    }

    @Test
    void aTrainingTextLeftOutOfItsClassDoesNotVoteForItself() {
        List<String> texts = List.of("窗帘杆要装", "马桶堵了", "下水道堵了");
        CharGrams grams = CharGrams.of(texts, new int[] {0, 1, 1}, 2);

        double[] kept = grams.gaps("窗帘杆要装", -1);
        double[] left = grams.gaps("窗帘杆要装", 0);

        assertEquals(0, kept[0]);
        assertTrue(kept[1] < -5, "its own words, counted: " + kept[1]);
        assertEquals(left[0], left[1], "left out, the text is no evidence for its own class");
    }

    @Test
    void aTextIsReadAsItsDistinctCharactersAndPairsWithoutPunctuation() {
        int[] g = CharGrams.grams("堵，堵了");

        int du = '堵';
        int le = '了';
        int[] expected = {le, du, (du << 16) | du, (du << 16) | le};
        java.util.Arrays.sort(expected);
        assertArrayEquals(expected, g);
    }

    @Test
    void posteriorsAreSharesThatSumToOne() {
        double[] p = CharGrams.posterior(new double[] {0, Math.log(0.5), Math.log(0.5)});

        assertEquals(0.5, p[0], 1e-9);
        assertEquals(0.25, p[1], 1e-9);
        assertEquals(1, p[0] + p[1] + p[2], 1e-9);
    }
}
