package org.hotline81890.gateway.channel.smpp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Seeded mutations of valid deliver_sm (the SMPP fuzzer's inputs): bad lengths, cut and padded bodies, flipped
 * octets, missing NULs, random sm_length, data_coding and esm_class, broken UDH, SAR TLVs out of range, TLVs that
 * lie about their length, invalid UCS-2, other command ids, and command lengths the ESME must refuse unread. Every
 * input but the last kind is framed right (its command_length is its real length), so each gets its own answer.
 */
public final class PduMutations {
    /** One input: the octets and whether its command_length is one the ESME must refuse (generic_nack, re-bind). */
    public record Input(String kind, byte[] pdu, boolean badLength) {
    }

    private static final String[] TEXTS = {"路灯坏了", "Lamp broken", "水管漏水请派人", "噪音扰民 🙏", "abc"};
    private final Random random;

    public PduMutations(Random random) {
        this.random = random;
    }

    public Input next() {
        int kind = random.nextInt(100);
        if (kind < 2) {
            return badLength();
        }
        TestPdus.Body base = base();
        byte[] body = base.bytes();
        return switch (kind % 12) {
            case 0 -> framed("flipped octets", flip(body));
            case 1 -> framed("cut body", Arrays.copyOf(body, random.nextInt(body.length + 1)));
            case 2 -> framed("padded body", pad(body));
            case 3 -> framed("sm_length", set(body, base.smLengthOffset(), random.nextInt(256)));
            case 4 -> framed("data_coding", base.dataCoding(random.nextInt(256)).bytes());
            case 5 -> framed("udh", base.esmClass(0x40 | random.nextInt(4) << 2).shortMessage(udh()).bytes());
            case 6 -> framed("sar", sar(base).bytes());
            case 7 -> framed("tlv", concat(body, tlv()));
            case 8 -> framed("no nul", noNul(body));
            case 9 -> framed("ucs2", base.dataCoding(0x08).shortMessage(bytes(random.nextInt(12))).bytes());
            case 10 -> new Input("command id", TestPdus.pdu(commandId(), bytes(random.nextInt(40))), false);
            default -> framed("random body", bytes(random.nextInt(120)));
        };
    }

    private TestPdus.Body base() {
        String text = TEXTS[random.nextInt(TEXTS.length)];
        TestPdus.Body b = TestPdus.deliverSm().source("86139" + (10_000_000 + random.nextInt(89_999_999)));
        return random.nextBoolean() ? b.ucs2(text) : b.dataCoding(0x00).shortMessage(text.replaceAll("[^ -~]", "?")
                .getBytes(StandardCharsets.US_ASCII));
    }

    private Input framed(String kind, byte[] body) {
        return new Input(kind, TestPdus.pdu(TestPdus.DELIVER_SM, body), false);
    }

    private Input badLength() {
        long[] lengths = {0, 4, 15, 0xFFFFFFFFL, 0x7FFFFFFFL, 70_001, 0x80000000L + random.nextInt(1 << 30)};
        long length = lengths[random.nextInt(lengths.length)];
        return new Input("command_length " + length, TestPdus.withLength(length, TestPdus.DELIVER_SM,
                bytes(random.nextInt(8))), true);
    }

    /** A command id with no response bit that gets an answer (alert_notification and unbind are left out). */
    private int commandId() {
        int[] known = {0x00000015, 0x00000004, 0x00000009, 0x00000103, 0x00000021};
        if (random.nextBoolean()) {
            return known[random.nextInt(known.length)];
        }
        int id;
        do {
            id = random.nextInt() & 0x7FFFFFFF;
        } while (id == 0x05 || id == 0x06 || id == 0x102 || id == 0x0B);
        return id;
    }

    private byte[] udh() {
        byte[] text = bytes(random.nextInt(10));
        int iei = random.nextBoolean() ? 0x00 : 0x08;
        int len = random.nextInt(6);
        byte[] ie = bytes(len);
        int udhl = random.nextInt(4) == 0 ? random.nextInt(256) : 2 + len;
        return concat(concat(new byte[] {(byte) udhl, (byte) iei, (byte) len}, ie), text);
    }

    private TestPdus.Body sar(TestPdus.Body b) {
        if (random.nextInt(3) > 0) {
            b.tlv(0x020C, bytes(random.nextInt(4)));
        }
        if (random.nextInt(3) > 0) {
            b.tlv(0x020E, new byte[] {(byte) random.nextInt(5)});
        }
        if (random.nextInt(3) > 0) {
            b.tlv(0x020F, bytes(1 + random.nextInt(2)));
        }
        return b;
    }

    private byte[] tlv() {
        int tag = random.nextBoolean() ? 0x0200 + random.nextInt(0x40) : random.nextInt(0x10000);
        byte[] value = bytes(random.nextInt(10));
        int declared = random.nextInt(4) == 0 ? random.nextInt(0x10000) : value.length;
        return concat(ByteBuffer.allocate(4).putShort((short) tag).putShort((short) declared).array(), value);
    }

    private byte[] flip(byte[] body) {
        byte[] b = body.clone();
        for (int i = 0, n = 1 + random.nextInt(4); i < n && b.length > 0; i++) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        return b;
    }

    private byte[] pad(byte[] body) {
        return concat(body, random.nextBoolean() ? new byte[1 + random.nextInt(30)] : bytes(1 + random.nextInt(30)));
    }

    private byte[] noNul(byte[] body) {
        byte[] b = body.clone();
        for (int i = 0; i < Math.min(b.length, 40); i++) {
            if (b[i] == 0 && random.nextBoolean()) {
                b[i] = 'A';
            }
        }
        return b;
    }

    private static byte[] set(byte[] body, int at, int value) {
        byte[] b = body.clone();
        b[at] = (byte) value;
        return b;
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}
