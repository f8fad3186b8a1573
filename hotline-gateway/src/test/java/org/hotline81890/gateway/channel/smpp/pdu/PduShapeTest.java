package org.hotline81890.gateway.channel.smpp.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import org.hotline81890.gateway.channel.smpp.TestPdus;
import org.jsmpp.util.DefaultDecomposer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PduShapeTest {
    private static final TestPdus.Body BODY = TestPdus.deliverSm().ucs2("路灯坏了");
    private static final int TLVS = 16 + BODY.smLengthOffset() + 1 + 8;
    private static final byte[] VALID = BODY.tlv(0x020C, new byte[] {0, 7}).tlv(0x020E, new byte[] {3})
            .tlv(0x020F, new byte[] {1}).tlv(0x1401, "m-1".getBytes(StandardCharsets.US_ASCII)).pdu();

    private static Optional<Integer> status(byte[] pdu) {
        return PduShape.deliverSm(pdu).map(PduShape.Unreadable::status);
    }

    private static byte[] body(byte[] pdu) {
        return Arrays.copyOfRange(pdu, 16, pdu.length);
    }

    @Test
    void aWellFormedDeliverSmShouldPassAndDecodeInJsmppToo() throws Exception {
        assertThat(PduShape.deliverSm(VALID)).isEmpty();
        assertThat(new DefaultDecomposer().deliverSm(VALID).getShortMessage()).hasSize(8);
        assertThat(PduShape.deliverSm(TestPdus.deliverSm().pdu())).isEmpty();
    }

    @Test
    void everyCutOfAValidPduShouldBeRefusedExceptBetweenItsOptionalTlvs() {
        java.util.Set<Integer> between = java.util.Set.of(TLVS, TLVS + 6, TLVS + 11, TLVS + 16);
        for (int n = 16; n < VALID.length; n++) {
            byte[] cut = TestPdus.pdu(TestPdus.DELIVER_SM, Arrays.copyOfRange(VALID, 16, n));
            int ends = n;
            if (between.contains(n)) {
                assertThat(status(cut)).as("cut at %d, between TLVs", ends).isEmpty();
            } else {
                assertThat(status(cut)).as("cut at %d of %d", ends, VALID.length).isPresent()
                        .get().isIn(0x01, 0x02, 0xC0);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1,0x15", "5,0x0a", "3,0x0b"})
    void aCStringWithoutItsNulWithinItsMaximumShouldNameTheField(int field, String status) {
        // field 1: service_type; 3: source_addr; 5: destination_addr (counting the C strings and the octet pairs)
        String filler = "9".repeat(40);
        byte[] body = switch (field) {
            case 1 -> (filler + "\0").getBytes(StandardCharsets.US_ASCII);
            case 5 -> ("\0\1\1" + filler + "\0").getBytes(StandardCharsets.US_ASCII);
            default -> ("\0\1\1" + "123\0" + "\0\1" + filler + "\0").getBytes(StandardCharsets.US_ASCII);
        };
        assertThat(status(TestPdus.pdu(TestPdus.DELIVER_SM, body))).contains(Integer.decode(status));
    }

    @Test
    void smLengthPastTheEndIsAnInvalidMessageLength() {
        byte[] b = TestPdus.deliverSm().ucs2("路灯").bytes();
        b[b.length - 5] = (byte) 0xFF;
        assertThat(status(TestPdus.pdu(TestPdus.DELIVER_SM, b))).contains(0x01);
    }

    @ParameterizedTest
    @CsvSource({"0204000a0102,0xc0", "02,0xc0", "020c000107,0xc2", "020e00020003,0xc2", "042700020000,0xc2",
        "14010000,-1"})
    void tlvsShouldBeWholeAndOfTheirSpecifiedLength(String tlvHex, String status) {
        byte[] body = ByteBuffer.allocate(body(TestPdus.deliverSm().pdu()).length + tlvHex.length() / 2)
                .put(body(TestPdus.deliverSm().pdu())).put(HexFormat.of().parseHex(tlvHex)).array();
        Optional<Integer> s = status(TestPdus.pdu(TestPdus.DELIVER_SM, body));
        if (Integer.decode(status) < 0) {
            assertThat(s).isEmpty();
        } else {
            assertThat(s).contains(Integer.decode(status));
        }
    }
}
