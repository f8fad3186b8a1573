package org.hotline81890.directory.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Token ids checked against the vocabulary of bge-small-zh-v1.5 (BERT's Chinese vocabulary, 21,128 entries). */
class WordPieceTest {
    private static WordPiece tokenizer;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = WordPieceTest.class.getClassLoader().getResourceAsStream(BgeSmallZh.VOCABULARY)) {
            tokenizer = WordPiece.fromTokenizerJson(in);
        }
    }

    @Test
    void readsTheWholeVocabulary() {
        assertThat(tokenizer.size()).isEqualTo(21128);
    }

    @Test
    void everyChineseCharacterIsAToken() {
        assertThat(tokenizer.encode("你好！冰箱", 64)).containsExactly(101, 872, 1962, 8013, 1102, 5056, 102);
    }

    @Test
    void englishWordsSplitIntoPiecesAfterLowerCasing() {
        assertThat(tokenizer.encode("My fridge is BROKEN", 64))
                .containsExactly(101, 8422, 8611, 12025, 8310, 8575, 9185, 8329, 102);
    }

    @Test
    void digitsSplitGreedilyLikeBert() {
        assertThat(tokenizer.encode("13800138000", 64)).containsExactly(101, 9209, 9942, 9137, 9086, 102);
    }

    @Test
    void longTextIsCutToTheLimitWithTheSeparatorKept() {
        long[] ids = tokenizer.encode("漏".repeat(10_000), 64);
        assertThat(ids).hasSize(64);
        assertThat(ids[0]).isEqualTo(101);
        assertThat(ids[63]).isEqualTo(102);
    }

    @Test
    void controlCharactersAndEmojiDoNotBreakIt() {
        assertThat(tokenizer.encode("\u0000\u0007😀\u200b", 64)).startsWith(101).endsWith(102);
    }
}
