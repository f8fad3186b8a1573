package org.hotline81890.gateway.channel.smpp.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SmsTextTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(0x00, "48656c6c6f", "Hello"),
                Arguments.of(0x00, "00011b65", "@£€"),
                Arguments.of(0x00, "1b281b291b3c1b3e1b2f1b401b141b3d", "{}[]\\|^~"),
                Arguments.of(0x00, "1c1d1e1f", "ÆæßÉ"),
                Arguments.of(0x00, "5b5c5d5e5f607b7c7d7e7f", "ÄÖÑÜ§¿äöñüà"),
                Arguments.of(0x01, "4142", "AB"),
                Arguments.of(0x03, "53747261df65", "Straße"),
                Arguments.of(0x08, "8def706f", "路灯"),
                Arguments.of(0x08, "d83dde4f", "🙏"),
                Arguments.of(0x08, "8def706f00", "路灯"),
                Arguments.of(0xF0, "414243", "ABC"),
                Arguments.of(0x18, "8def", "路"),
                Arguments.of(0x06, "bfe0d8d2d5e2", "Привет"),
                Arguments.of(0xE8, "8def", "路"),
                Arguments.of(0xC0, "414243", "ABC"));
    }

    @ParameterizedTest(name = "dc {0}: {1} -> {2}")
    @MethodSource("table")
    void decodesByDataCoding(int dc, String hex, String expected) {
        assertThat(SmsText.decode(dc, HexFormat.of().parseHex(hex))).isEqualTo(expected);
    }

    @Test
    void gsmRoundTripsTheWholeAlphabetAndRefusesChinese() {
        String all = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCXYZÄÖÑÜ§¿abcxyzäöñüà"
                + "^{}\\[~]|€\f";
        assertThat(Gsm7.decode(Gsm7.encode(all).orElseThrow())).isEqualTo(all);
        assertThat(Gsm7.encode("€").orElseThrow()).containsExactly(0x1B, 0x65);
        assertThat(Gsm7.canEncode("路灯")).isFalse();
    }

    @ParameterizedTest(name = "dc 0x{0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0x02, 0x04, 0x05, 0x09, 0x0B, 0x0C, 0x0D, 0x0F, 0x14, 0x1C,
        0x20, 0x28, 0x3F, 0x80, 0x9A, 0xBF, 0xF4, 0xF7})
    void binaryCompressedAndReservedCodingsAreNotText(int dc) {
        assertThat(SmsText.alphabet(dc)).isEqualTo(SmsText.Alphabet.NOT_TEXT);
        assertThat(DoubtfulContent.text(dc, "ok".getBytes(StandardCharsets.ISO_8859_1)))
                .map(PduShape.Unreadable::status).contains(0x104);
    }
}
