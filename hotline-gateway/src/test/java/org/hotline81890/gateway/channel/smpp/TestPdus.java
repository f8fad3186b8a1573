package org.hotline81890.gateway.channel.smpp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** deliver_sm bytes built field by field, so tests and fuzzers can send what no SMPP library would encode. */
public final class TestPdus {
    public static final int DELIVER_SM = 0x00000005;

    private TestPdus() {
    }

    /** The fields of a deliver_sm after the header, as the SMSC simulator's ordinary deliver_sm has them. */
    public static final class Body {
        private String serviceType = "";
        private String source = "8613800000000";
        private String destination = "81890";
        private int esmClass;
        private int dataCoding = 0x08;
        private byte[] shortMessage = new byte[0];
        private final ByteArrayOutputStream tlvs = new ByteArrayOutputStream();

        public Body source(String s) {
            source = s;
            return this;
        }

        public Body esmClass(int e) {
            esmClass = e;
            return this;
        }

        public Body dataCoding(int dc) {
            dataCoding = dc;
            return this;
        }

        public Body shortMessage(byte[] sm) {
            shortMessage = sm.clone();
            return this;
        }

        public Body ucs2(String text) {
            return dataCoding(0x08).shortMessage(text.getBytes(StandardCharsets.UTF_16BE));
        }

        public Body tlv(int tag, byte[] value) {
            tlvs.writeBytes(ByteBuffer.allocate(4).putShort((short) tag).putShort((short) value.length).array());
            tlvs.writeBytes(value);
            return this;
        }

        /** Where sm_length sits in {@link #bytes()}. */
        public int smLengthOffset() {
            return serviceType.length() + 1 + 2 + source.length() + 1 + 2 + destination.length() + 1 + 3 + 1 + 1 + 4;
        }

        /** The body octets (everything after the 16-octet header). */
        public byte[] bytes() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            cString(b, serviceType);
            b.write(1);
            b.write(1);
            cString(b, source);
            b.write(0);
            b.write(1);
            cString(b, destination);
            b.write(esmClass);
            b.write(0);
            b.write(0);
            cString(b, "");
            cString(b, "");
            b.write(0);
            b.write(0);
            b.write(dataCoding);
            b.write(0);
            b.write(shortMessage.length);
            b.writeBytes(shortMessage);
            b.writeBytes(tlvs.toByteArray());
            return b.toByteArray();
        }

        public byte[] pdu() {
            return TestPdus.pdu(DELIVER_SM, bytes());
        }
    }

    public static Body deliverSm() {
        return new Body();
    }

    /** A PDU of {@code commandId} with {@code body}, its command_length right, sequence number 1. */
    public static byte[] pdu(int commandId, byte[] body) {
        return ByteBuffer.allocate(16 + body.length).putInt(16 + body.length).putInt(commandId).putInt(0).putInt(1)
                .put(body).array();
    }

    /** As {@link #pdu} with any command_length written in the header, whatever the octets that follow. */
    public static byte[] withLength(long commandLength, int commandId, byte[] body) {
        return ByteBuffer.allocate(16 + body.length).putInt((int) commandLength).putInt(commandId).putInt(0)
                .putInt(1).put(body).array();
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static void cString(ByteArrayOutputStream b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        b.write(0);
    }
}
