package org.hotline81890.gateway.channel.smpp.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.hotline81890.gateway.sms.DeliveryReceipt;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import org.junit.jupiter.api.Test;

class DeliverSmReaderTest {
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private final DeliverSmReader reader = new DeliverSmReader(Optional.of((short) 0x1401));

    private static DeliverSm pdu(int esm, int dc, byte[] sm, OptionalParameter... tlvs) {
        DeliverSm d = new DeliverSm();
        d.setSourceAddr("8613800000000");
        d.setDestAddress("81890");
        d.setEsmClass((byte) esm);
        d.setDataCoding((byte) dc);
        d.setShortMessage(sm);
        d.setOptionalParameters(tlvs);
        return d;
    }

    @Test
    void sarTlvsMakeAPart() {
        IncomingPdu in = reader.read(pdu(0, 8, "路灯".getBytes(StandardCharsets.UTF_16BE),
                OptionalParameters.newSarMsgRefNum((short) 513), OptionalParameters.newSarTotalSegments(3),
                OptionalParameters.newSarSegmentSeqnum(2)), NOW);
        IncomingPdu.MoPart part = (IncomingPdu.MoPart) in;
        assertThat(part.text()).isEqualTo("路灯");
        assertThat(part.concat()).contains(new Concat(513, 3, 2, Concat.Scheme.SAR));
        assertThat(part.fingerprint()).contains("cc=SAR:513:3");
    }

    @Test
    void esmClassReceiptWithTlvs() {
        byte[] text = "id:XYZ sub:001 dlvrd:000 submit date:2611230800 done date:2611230801 stat:UNDELIV err:006"
                .getBytes(StandardCharsets.US_ASCII);
        IncomingPdu in = reader.read(pdu(0x04, 1, text, new OptionalParameter.Receipted_message_id("m1f"),
                new OptionalParameter.Message_state((byte) 2)), NOW);
        DeliveryReceipt r = ((IncomingPdu.Receipt) in).receipt();
        assertThat(r.messageId()).isEqualTo("m1f");
        assertThat(r.status()).isEqualTo(DeliveryReceipt.Status.DELIVERED);
        assertThat(r.errorCode()).contains("006");
    }

    @Test
    void receiptFromTextAloneWhenFlagged() {
        byte[] text = "id:42 stat:EXPIRED err:001".getBytes(StandardCharsets.US_ASCII);
        DeliveryReceipt r = ((IncomingPdu.Receipt) reader.read(pdu(0x04, 0, text), NOW)).receipt();
        assertThat(r.messageId()).isEqualTo("42");
        assertThat(r.status()).isEqualTo(DeliveryReceipt.Status.EXPIRED);
        assertThat(r.status().isFinal()).isTrue();
    }

    @Test
    void flaggedReceiptWithoutIdIsUnreadable() {
        assertThat(reader.read(pdu(0x04, 0, "garbage".getBytes(StandardCharsets.US_ASCII)), NOW))
                .isInstanceOf(IncomingPdu.UnreadableReceipt.class);
    }

    @Test
    void moMessageIdComesFromTheConfiguredTlv() {
        IncomingPdu.MoPart part = (IncomingPdu.MoPart) reader.read(pdu(0, 0, "Hi".getBytes(StandardCharsets.US_ASCII),
                new OptionalParameter.COctetString((short) 0x1401, "smsc-77")), NOW);
        assertThat(part.smscMessageId()).contains("smsc-77");
        assertThat(part.isMultipart()).isFalse();
    }
}
