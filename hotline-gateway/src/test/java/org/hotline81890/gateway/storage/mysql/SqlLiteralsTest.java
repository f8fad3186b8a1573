package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SqlLiteralsTest {

    private static String literal(boolean backslashEscapes, Object v) {
        StringBuilder sb = new StringBuilder();
        SqlLiterals.backslashEscapes(backslashEscapes).append(sb, v);
        return sb.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "abc|'abc'",
        "it's|'it\\'s'",
        "a\\b|'a\\\\b'",
        "say \"hi\"|'say \\\"hi\\\"'",
        "市民|'市民'",
    })
    void stringsAreQuotedWithBackslashEscapes(String in, String out) {
        assertThat(literal(true, in)).isEqualTo(out);
    }

    @Test
    void controlCharactersAreEscaped() {
        assertThat(literal(true, "a\nb\rc\u0000d\u001ae")).isEqualTo("'a\\nb\\rc\\0d\\Ze'");
    }

    @Test
    void withNoBackslashEscapesOnlyQuotesAreDoubled() {
        assertThat(literal(false, "it's a\\b")).isEqualTo("'it''s a\\b'");
    }

    @Test
    void numbersAndNullAreBare() {
        assertThat(literal(true, 42L)).isEqualTo("42");
        assertThat(literal(true, -7)).isEqualTo("-7");
        assertThat(literal(true, null)).isEqualTo("NULL");
        assertThatThrownBy(() -> literal(true, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
