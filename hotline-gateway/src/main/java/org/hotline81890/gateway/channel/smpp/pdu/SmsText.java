package org.hotline81890.gateway.channel.smpp.pdu;

import java.nio.charset.StandardCharsets;

/**
 * Decodes the user data of a deliver_sm (after any UDH) by its data_coding: 0 GSM 7-bit (unpacked),
 * 1 IA5/ASCII, 3 Latin-1, 8 UCS-2 big endian (UTF-16BE, so surrogate pairs survive), and the 0xF0 message-class
 * group and the GSM 03.38 general group 0x10-0x3F by their alphabet bits. Any other coding is read as Latin-1 so the
 * text is kept, never dropped.
 */
public final class SmsText {
    public static final int GSM = 0x00;
    public static final int IA5 = 0x01;
    public static final int LATIN1 = 0x03;
    public static final int UCS2 = 0x08;

    private SmsText() {
    }

    public static String decode(int dataCoding, byte[] userData) {
        int dc = dataCoding & 0xFF;
        return switch (dc) {
            case GSM -> Gsm7.decode(userData);
            case IA5 -> new String(userData, StandardCharsets.US_ASCII);
            case UCS2 -> new String(evenLength(userData), StandardCharsets.UTF_16BE);
            default -> decodeOther(dc, userData);
        };
    }

    private static String decodeOther(int dc, byte[] userData) {
        boolean messageClassGroup = (dc & 0xF0) == 0xF0;
        boolean generalGroup = dc >= 0x10 && (dc & 0xC0) == 0x00;
        if (messageClassGroup) {
            return (dc & 0x04) == 0 ? Gsm7.decode(userData) : new String(userData, StandardCharsets.ISO_8859_1);
        }
        if (generalGroup) {
            return switch ((dc >> 2) & 0x03) {
                case 0 -> Gsm7.decode(userData);
                case 2 -> new String(evenLength(userData), StandardCharsets.UTF_16BE);
                default -> new String(userData, StandardCharsets.ISO_8859_1);
            };
        }
        return new String(userData, StandardCharsets.ISO_8859_1);
    }

    private static byte[] evenLength(byte[] data) {
        if (data.length % 2 == 0) {
            return data;
        }
        byte[] trimmed = new byte[data.length - 1];
        System.arraycopy(data, 0, trimmed, 0, trimmed.length);
        return trimmed;
    }
}
