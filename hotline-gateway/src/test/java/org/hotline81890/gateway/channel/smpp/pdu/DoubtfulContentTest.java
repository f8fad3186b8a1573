package org.hotline81890.gateway.channel.smpp.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What decodes but contradicts itself is refused with the field's status, never read as a guessed text. */
class DoubtfulContentTest {
    private final DeliverSmReader reader = new DeliverSmReader(Optional.empty());

    private IncomingPdu read(int esm, int dc, String smHex, OptionalParameter... tlvs) {
        DeliverSm d = new DeliverSm();
        d.setSourceAddr("8613800000000");
        d.setDestAddress("81890");
        d.setEsmClass((byte) esm);
        d.setDataCoding((byte) dc);
        d.setShortMessage(HexFormat.of().parseHex(smHex));
        d.setOptionalParameters(tlvs);
        return reader.read(d, Instant.EPOCH);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "UDH longer than the message,    0x40, 8, 1400030102014e00,           0x43",
        "UDHI with no octets,            0x40, 8, '',                         0x43",
        "UDH claiming 0 parts,           0x40, 8, 0500030900014e00,           0x43",
        "UDH part 0 of 3,                0x40, 8, 0500030903004e00,           0x43",
        "UDH16 part 4 of 3,              0x40, 8, 060804000903044e00,         0x43",
        "concat element of 2 octets,     0x40, 8, 04000209034e00,             0x43",
        "element past the header,        0x40, 8, 0300054e00,                 0x43",
        "odd-length UCS-2,               0,    8, 4e004e,                     0x01",
        "lone high surrogate,            0,    8, d8000041,                   0x104",
        "lone low surrogate,             0,    8, dc00,                       0x104",
        "IA5 with octets over 0x7f,      0,    1, 41c3a9,                     0x104",
        "8-bit binary,                   0,    4, cafe,                       0x104",
        "compressed GSM group,           0,    0x20, 414243,                  0x104"})
    void aContradictionShouldBeRefusedWithItsStatus(String what, String esm, String dc, String sm, String status) {
        IncomingPdu in = read(Integer.decode(esm), Integer.decode(dc), sm);
        assertThat(in).as(what).isInstanceOf(IncomingPdu.Refused.class);
        assertThat(((IncomingPdu.Refused) in).status()).as(what).isEqualTo(Integer.decode(status));
    }

    @ParameterizedTest(name = "SAR {0}/{1}")
    @CsvSource({"0,1,0xc4", "3,0,0xc4", "3,4,0xc4", "3,3,0"})
    void sarOutOfRangeShouldBeRefused(int total, int seq, String status) {
        IncomingPdu in = read(0, 8, HexFormat.of().formatHex("一".getBytes(StandardCharsets.UTF_16BE)),
                OptionalParameters.newSarMsgRefNum((short) 7), OptionalParameters.newSarTotalSegments(total),
                OptionalParameters.newSarSegmentSeqnum(seq));
        if (Integer.decode(status) == 0) {
            assertThat(in).isInstanceOf(IncomingPdu.MoPart.class);
        } else {
            assertThat(((IncomingPdu.Refused) in).status()).isEqualTo(Integer.decode(status));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "UCS-2 with a pair,             0,    8, d83dde4f,         🙏",
        "one part of one,               0x40, 8, 0500030901014e00, 一",
        "UDH with another element only, 0x40, 0, 03240100414243,   ABC",
        "GSM,                           0,    0, 414243,           ABC"})
    void consistentContentShouldStillBeRead(String what, String esm, String dc, String sm, String text) {
        IncomingPdu in = read(Integer.decode(esm), Integer.decode(dc), sm);
        assertThat(in).as(what).isInstanceOf(IncomingPdu.MoPart.class);
        assertThat(((IncomingPdu.MoPart) in).text()).isEqualTo(text);
    }
}
