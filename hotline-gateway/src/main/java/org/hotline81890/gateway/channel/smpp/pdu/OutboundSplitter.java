package org.hotline81890.gateway.channel.smpp.pdu;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits an outgoing text into submit_sm parts. UCS-2: up to 70 UTF-16 units in one part without UDH, else 67
 * units a part with an 8-bit-reference concatenation UDH (IEI 0x00), never cutting a surrogate pair. With
 * {@code preferGsm}, a text that fits the GSM alphabet goes as data_coding 0 (unpacked septets): 160 septets
 * single, 153 a part, never cutting an escape sequence.
 */
public final class OutboundSplitter {
    public static final int UCS2_SINGLE = 70;
    public static final int UCS2_PART = 67;
    public static final int GSM_SINGLE = 160;
    public static final int GSM_PART = 153;

    private final boolean preferGsm;

    public OutboundSplitter(boolean preferGsm) {
        this.preferGsm = preferGsm;
    }

    /** @param reference the 8-bit concatenation reference for a long message (only the low 8 bits are used) */
    public List<OutboundPart> split(String text, int reference) {
        Optional<byte[]> gsm = preferGsm ? Gsm7.encode(text) : Optional.empty();
        List<OutboundPart> parts = gsm.map(septets -> splitGsm(septets, reference & 0xFF))
                .orElseGet(() -> splitUcs2(text, reference & 0xFF));
        if (parts.size() > 255) {
            throw new IllegalArgumentException("text needs " + parts.size() + " parts, at most 255 allowed");
        }
        return parts;
    }

    private static List<OutboundPart> splitUcs2(String text, int ref) {
        if (text.length() <= UCS2_SINGLE) {
            return List.of(new OutboundPart(SmsText.UCS2, text.getBytes(StandardCharsets.UTF_16BE), false));
        }
        List<String> chunks = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = Math.min(i + UCS2_PART, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(i, end));
            i = end;
        }
        List<OutboundPart> parts = new ArrayList<>(chunks.size());
        for (int n = 0; n < chunks.size(); n++) {
            byte[] body = chunks.get(n).getBytes(StandardCharsets.UTF_16BE);
            parts.add(new OutboundPart(SmsText.UCS2, withUdh(ref, chunks.size(), n + 1, body), true));
        }
        return parts;
    }

    private static List<OutboundPart> splitGsm(byte[] septets, int ref) {
        if (septets.length <= GSM_SINGLE) {
            return List.of(new OutboundPart(SmsText.GSM, septets, false));
        }
        List<byte[]> chunks = new ArrayList<>();
        int i = 0;
        while (i < septets.length) {
            int end = Math.min(i + GSM_PART, septets.length);
            if (end < septets.length && endsInsideEscape(septets, i, end)) {
                end--;
            }
            chunks.add(java.util.Arrays.copyOfRange(septets, i, end));
            i = end;
        }
        List<OutboundPart> parts = new ArrayList<>(chunks.size());
        for (int n = 0; n < chunks.size(); n++) {
            parts.add(new OutboundPart(SmsText.GSM, withUdh(ref, chunks.size(), n + 1, chunks.get(n)), true));
        }
        return parts;
    }

    /** True when septet {@code end - 1} is an escape whose extension character would land in the next part. */
    private static boolean endsInsideEscape(byte[] septets, int start, int end) {
        int escapes = 0;
        for (int k = end - 1; k >= start && septets[k] == 0x1B; k--) {
            escapes++;
        }
        return escapes % 2 == 1;
    }

    private static byte[] withUdh(int ref, int total, int seq, byte[] body) {
        byte[] out = new byte[6 + body.length];
        out[0] = 0x05;
        out[1] = 0x00;
        out[2] = 0x03;
        out[3] = (byte) ref;
        out[4] = (byte) total;
        out[5] = (byte) seq;
        System.arraycopy(body, 0, out, 6, body.length);
        return out;
    }
}
