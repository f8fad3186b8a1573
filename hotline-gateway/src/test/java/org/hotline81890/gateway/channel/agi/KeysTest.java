package org.hotline81890.gateway.channel.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeysTest {
    static Stream<Arguments> results() {
        return Stream.of(
                Arguments.of("-1", new Keys.HungUp()),
                Arguments.of(" -1 ", new Keys.HungUp()),
                Arguments.of("", new Keys.Timeout()),
                Arguments.of("   ", new Keys.Timeout()),
                Arguments.of(null, new Keys.Timeout()),
                Arguments.of("1", new Keys.Digits("1")),
                Arguments.of("123456789", new Keys.Digits("123456789")),
                Arguments.of(" 42\n", new Keys.Digits("42")),
                Arguments.of("*#", new Keys.Digits("*#")));
    }

    @ParameterizedTest(name = "result=''{0}'' -> {1}")
    @MethodSource("results")
    void getDataResultIsToldApart(String result, Keys expected) {
        assertThat(Keys.of(result)).isEqualTo(expected);
    }
}
