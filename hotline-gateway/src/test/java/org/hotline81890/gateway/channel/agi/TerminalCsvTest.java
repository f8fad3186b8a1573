package org.hotline81890.gateway.channel.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.hotline81890.gateway.voice.OneKeyTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalCsvTest {
    @Test
    void readsTerminalsSkippingCommentsAndBlankLines() {
        List<OneKeyTerminal> list = TerminalCsv.parse(List.of(
                "# number|name|profile|address|contacts",
                "",
                " 13900001111|王阿婆|82岁，听力弱|幸福路1号|女儿 13900002222 ",
                "13900003333|李伯||| "), "terminals.txt");

        assertThat(list).containsExactly(
                new OneKeyTerminal("13900001111", "王阿婆", "82岁，听力弱", "幸福路1号", "女儿 13900002222"),
                new OneKeyTerminal("13900003333", "李伯", "", "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "13900001111|王阿婆|profile|address; line 2: expected 5 fields separated by |"
                    + " (number|name|profile|address|contacts), found 4",
            "13900001111|王阿婆|a|b|c|d; line 2: expected 5 fields separated by |"
                    + " (number|name|profile|address|contacts), found 6",
            "|王阿婆|a|b|c; line 2: one-key terminal number is required",
            "13900001111| |a|b|c; line 2: one-key terminal residentName is required",
    })
    void aBadLineIsNamedByFileAndNumber(String bad, String message) {
        assertThatThrownBy(() -> TerminalCsv.parse(List.of("# header", bad), "terminals.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("terminals.txt " + message);
    }

    @Test
    void anEmptyFileIsNoTerminals() {
        assertThat(TerminalCsv.parse(List.of("# only a comment", "   "), "t.txt")).isEmpty();
    }
}
