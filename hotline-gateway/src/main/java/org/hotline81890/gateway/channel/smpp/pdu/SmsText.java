package org.hotline81890.gateway.channel.smpp.pdu;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes the user data of a deliver_sm (after any UDH) by its data_coding: 0 GSM 7-bit (unpacked),
 * 1 IA5/ASCII, 3 Latin-1, 8 UCS-2 big endian (UTF-16BE, so surrogate pairs survive), 6 ISO-8859-5, 7 ISO-8859-8,
 * 0x0A ISO-2022-JP, 0x0E KS C 5601 (EUC-KR), and the GSM 03.38 groups by their alphabet bits (general and
 * automatic-deletion 0x10-0x7F uncompressed, message waiting 0xC0-0xEF, message class 0xF0-0xFF). Binary (8-bit
 * data), compressed and reserved codings are {@link Alphabet#NOT_TEXT}: {@link DoubtfulContent} refuses them before
 * anything is decoded.
 */
public final class SmsText {
    public static final int GSM = 0x00;
    public static final int IA5 = 0x01;
    public static final int LATIN1 = 0x03;
    public static final int UCS2 = 0x08;

    /** How a data_coding's octets are read. */
    enum Alphabet { GSM, IA5, LATIN1, UCS2, OTHER, NOT_TEXT }

    private SmsText() {
    }

    static Alphabet alphabet(int dataCoding) {
        int dc = dataCoding & 0xFF;
        if (dc < 0x10) {
            return switch (dc) {
                case GSM -> Alphabet.GSM;
                case IA5 -> Alphabet.IA5;
                case LATIN1 -> Alphabet.LATIN1;
                case UCS2 -> Alphabet.UCS2;
                case 0x06, 0x07, 0x0A, 0x0E -> Alphabet.OTHER;
                default -> Alphabet.NOT_TEXT;
            };
        }
        if (dc < 0x80) {
            if ((dc & 0x20) != 0) {
                return Alphabet.NOT_TEXT;
            }
            return switch ((dc >> 2) & 0x03) {
                case 0 -> Alphabet.GSM;
                case 2 -> Alphabet.UCS2;
                default -> Alphabet.NOT_TEXT;
            };
        }
        if (dc >= 0xC0 && dc < 0xE0) {
            return Alphabet.GSM;
        }
        if (dc >= 0xE0 && dc < 0xF0) {
            return Alphabet.UCS2;
        }
        if (dc >= 0xF0) {
            return (dc & 0x04) == 0 ? Alphabet.GSM : Alphabet.NOT_TEXT;
        }
        return Alphabet.NOT_TEXT;
    }

    /** The charset of the codings read through one ({@link Alphabet#OTHER}). */
    static Optional<Charset> charset(int dataCoding) {
        String name = switch (dataCoding & 0xFF) {
            case 0x06 -> "ISO-8859-5";
            case 0x07 -> "ISO-8859-8";
            case 0x0A -> "ISO-2022-JP";
            case 0x0E -> "EUC-KR";
            default -> null;
        };
        return name != null && Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
    }

    /** The text; a coding that is not text is read as Latin-1 (callers refuse those first: DoubtfulContent). */
    public static String decode(int dataCoding, byte[] userData) {
        return switch (alphabet(dataCoding)) {
            case GSM -> Gsm7.decode(userData);
            case IA5 -> new String(userData, StandardCharsets.US_ASCII);
            case UCS2 -> new String(evenLength(userData), StandardCharsets.UTF_16BE);
            case OTHER -> new String(userData, charset(dataCoding).orElse(StandardCharsets.ISO_8859_1));
            case LATIN1, NOT_TEXT -> new String(userData, StandardCharsets.ISO_8859_1);
        };
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
