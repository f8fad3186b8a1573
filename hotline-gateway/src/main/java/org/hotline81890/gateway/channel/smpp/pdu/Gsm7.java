package org.hotline81890.gateway.channel.smpp.pdu;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The GSM 03.38 default alphabet and its extension table, one septet per octet (unpacked), as SMPP carries
 * data_coding 0. Unknown septets decode to '?' rather than failing: a resident's message is never refused for
 * one odd character.
 */
public final class Gsm7 {
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final int ESCAPE = 0x1B;
    private static final Map<Integer, Character> EXTENSION = Map.of(
            0x0A, '\f', 0x14, '^', 0x28, '{', 0x29, '}', 0x2F, '\\',
            0x3C, '[', 0x3D, '~', 0x3E, ']', 0x40, '|', 0x65, '€');
    private static final Map<Character, Integer> BASIC_REVERSE = new HashMap<>();
    private static final Map<Character, Integer> EXTENSION_REVERSE = new HashMap<>();

    static {
        for (int i = 0; i < BASIC.length(); i++) {
            if (i != ESCAPE) {
                BASIC_REVERSE.put(BASIC.charAt(i), i);
            }
        }
        EXTENSION.forEach((septet, ch) -> EXTENSION_REVERSE.put(ch, septet));
    }

    private Gsm7() {
    }

    public static String decode(byte[] septets) {
        StringBuilder out = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int s = septets[i] & 0x7F;
            if (s != ESCAPE) {
                out.append(BASIC.charAt(s));
            } else if (i + 1 < septets.length) {
                int ext = septets[++i] & 0x7F;
                out.append(EXTENSION.getOrDefault(ext, BASIC.charAt(ext == ESCAPE ? 0x20 : ext)));
            }
        }
        return out.toString();
    }

    /** The unpacked septets for {@code text}, or empty when some character is outside the GSM alphabet. */
    public static Optional<byte[]> encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            Integer basic = BASIC_REVERSE.get(ch);
            if (basic != null) {
                out.write(basic);
                continue;
            }
            Integer ext = EXTENSION_REVERSE.get(ch);
            if (ext == null) {
                return Optional.empty();
            }
            out.write(ESCAPE);
            out.write(ext);
        }
        return Optional.of(out.toByteArray());
    }

    public static boolean canEncode(String text) {
        return encode(text).isPresent();
    }
}
