package org.hotline81890.gateway.channel.smpp.pdu;

import java.util.Arrays;
import java.util.Optional;

/**
 * A short_message split into its user data header (when esm_class has UDHI set) and its body. Only the
 * concatenation elements are interpreted; a malformed header leaves the whole octet string as the body, so the
 * text is still kept.
 */
public record UserData(Optional<Concat> concat, byte[] body) {
    private static final int IEI_CONCAT_8 = 0x00;
    private static final int IEI_CONCAT_16 = 0x08;

    public UserData {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public static UserData parse(byte[] shortMessage, boolean udhi) {
        if (!udhi || shortMessage.length == 0) {
            return new UserData(Optional.empty(), shortMessage);
        }
        int udhl = shortMessage[0] & 0xFF;
        if (udhl + 1 > shortMessage.length) {
            return new UserData(Optional.empty(), shortMessage);
        }
        byte[] body = Arrays.copyOfRange(shortMessage, udhl + 1, shortMessage.length);
        return new UserData(readConcat(shortMessage, 1, udhl + 1), body);
    }

    private static Optional<Concat> readConcat(byte[] sm, int from, int end) {
        Optional<Concat> found = Optional.empty();
        int i = from;
        while (i + 2 <= end) {
            int iei = sm[i] & 0xFF;
            int len = sm[i + 1] & 0xFF;
            int data = i + 2;
            if (data + len > end) {
                return found;
            }
            if (iei == IEI_CONCAT_8 && len == 3) {
                found = concat(sm[data] & 0xFF, sm[data + 1] & 0xFF, sm[data + 2] & 0xFF, Concat.Scheme.UDH_8BIT);
            } else if (iei == IEI_CONCAT_16 && len == 4) {
                int ref = ((sm[data] & 0xFF) << 8) | (sm[data + 1] & 0xFF);
                found = concat(ref, sm[data + 2] & 0xFF, sm[data + 3] & 0xFF, Concat.Scheme.UDH_16BIT);
            }
            i = data + len;
        }
        return found;
    }

    /** A concatenation header whose numbers do not make sense is ignored (the part is read as a whole SMS). */
    public static Optional<Concat> concat(int ref, int total, int seq, Concat.Scheme scheme) {
        if (total < 1 || total > 255 || seq < 1 || seq > total) {
            return Optional.empty();
        }
        return Optional.of(new Concat(ref, total, seq, scheme));
    }
}
