package org.hotline81890.gateway.channel.smpp.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserDataTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "8-bit ref,          050003a70302 4142, true,  167,   3, 2, UDH_8BIT,  4142",
        "16-bit ref,         060804c0de0303 4142, true,  49374, 3, 3, UDH_16BIT, 4142",
        "other IE first,     0a0a030000000003430301 41, true, 67, 3, 1, UDH_8BIT, 41",
        "no UDHI,            050003a70302 4142, false, -1,    0, 0, ,          050003a703024142",
        "bad seq 0,          050003a70300 4142, true,  -1,    0, 0, ,          4142",
        "seq above total,    050003a70204 4142, true,  -1,    0, 0, ,          4142",
        "header too long,    09000341, true,  -1,    0, 0, ,          09000341",
    })
    void readsConcatenationFromTheHeader(String name, String hex, boolean udhi, int ref, int total, int seq,
            String scheme, String body) {
        UserData ud = UserData.parse(HexFormat.of().parseHex(hex.replace(" ", "")), udhi);
        assertThat(HexFormat.of().formatHex(ud.body())).isEqualTo(body);
        Optional<Concat> expected = ref < 0 ? Optional.empty()
                : Optional.of(new Concat(ref, total, seq, Concat.Scheme.valueOf(scheme)));
        assertThat(ud.concat()).isEqualTo(expected);
    }
}
