package org.hotline81890.gateway.channel.smpp.pdu;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * A deliver_sm that decodes but whose content contradicts itself: no order is made of it with a guessed text
 * (issue 16). Each case is refused with the status that names the field, so the SMSC fails the message instead of
 * the hotline storing "abc" or "一" for a resident: a data_coding this gateway does not decode as text (binary,
 * compressed, reserved) is ESME_RINVDCS, as is UCS-2 with a lone surrogate; an odd number of UCS-2 octets is
 * ESME_RINVMSGLEN; a UDHI without a whole user data header, or a concatenation element claiming 0 parts or a part
 * past the total, is ESME_RINVESMCLASS; SAR TLVs out of range are ESME_RINVOPTPARAMVAL, and an incomplete set
 * ESME_RMISSINGOPTPARAM. (3GPP 23.040 lets a handset ignore a senseless concatenation element; a hotline cannot
 * tell the message it would then store from junk, so it refuses.) Pure.
 */
final class DoubtfulContent {
    static final int ESME_RMISSINGOPTPARAM = 0xC3;
    private static final int IEI_CONCAT_8 = 0x00;
    private static final int IEI_CONCAT_16 = 0x08;

    private DoubtfulContent() {
    }

    static Optional<PduShape.Unreadable> check(DeliverSm pdu, byte[] sm, boolean udhi) {
        return header(sm, udhi).or(() -> sar(pdu)).or(() -> text(pdu.getDataCoding() & 0xFF, body(sm, udhi)));
    }

    private static byte[] body(byte[] sm, boolean udhi) {
        return UserData.parse(sm, udhi).body();
    }

    private static Optional<PduShape.Unreadable> header(byte[] sm, boolean udhi) {
        if (!udhi) {
            return Optional.empty();
        }
        if (sm.length == 0 || (sm[0] & 0xFF) + 1 > sm.length) {
            return esm("the user data header is longer than the message (" + sm.length + " octets)");
        }
        int end = (sm[0] & 0xFF) + 1;
        for (int i = 1; i < end; ) {
            if (i + 2 > end || i + 2 + (sm[i + 1] & 0xFF) > end) {
                return esm("an information element runs past the user data header");
            }
            int iei = sm[i] & 0xFF;
            int len = sm[i + 1] & 0xFF;
            int d = i + 2;
            if (iei == IEI_CONCAT_8 && len == 3 && senseless(sm[d + 1] & 0xFF, sm[d + 2] & 0xFF)
                    || iei == IEI_CONCAT_16 && len == 4 && senseless(sm[d + 2] & 0xFF, sm[d + 3] & 0xFF)) {
                return esm("the concatenation element claims part " + (sm[d + len - 1] & 0xFF) + " of "
                        + (sm[d + len - 2] & 0xFF));
            }
            if (iei == IEI_CONCAT_8 && len != 3 || iei == IEI_CONCAT_16 && len != 4) {
                return esm("a concatenation element of " + len + " octets");
            }
            i = d + len;
        }
        return Optional.empty();
    }

    private static boolean senseless(int total, int seq) {
        return total < 1 || seq < 1 || seq > total;
    }

    private static Optional<PduShape.Unreadable> esm(String reason) {
        return Optional.of(new PduShape.Unreadable(SMPPConstant.STAT_ESME_RINVESMCLASS, reason));
    }

    private static Optional<PduShape.Unreadable> sar(DeliverSm pdu) {
        OptionalParameter ref = pdu.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM.code());
        OptionalParameter total = pdu.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS.code());
        OptionalParameter seq = pdu.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM.code());
        int present = (ref == null ? 0 : 1) + (total == null ? 0 : 1) + (seq == null ? 0 : 1);
        if (present == 0) {
            return Optional.empty();
        }
        if (present < 3) {
            return Optional.of(new PduShape.Unreadable(ESME_RMISSINGOPTPARAM,
                    "sar_msg_ref_num, sar_total_segments and sar_segment_seqnum go together"));
        }
        if (total instanceof OptionalParameter.Byte t && seq instanceof OptionalParameter.Byte s
                && !senseless(t.getValue() & 0xFF, s.getValue() & 0xFF)) {
            return Optional.empty();
        }
        return Optional.of(new PduShape.Unreadable(SMPPConstant.STAT_ESME_RINVTLVVAL,
                "sar_segment_seqnum / sar_total_segments out of range"));
    }

    /** Whether {@code data} is text in {@code dc} as {@link SmsText} decodes it. */
    static Optional<PduShape.Unreadable> text(int dc, byte[] data) {
        SmsText.Alphabet a = SmsText.alphabet(dc);
        if (a == SmsText.Alphabet.NOT_TEXT || a == SmsText.Alphabet.OTHER && SmsText.charset(dc).isEmpty()) {
            return Optional.of(new PduShape.Unreadable(SMPPConstant.STAT_ESME_RINVDCS,
                    String.format("data_coding 0x%02x is not text this gateway decodes", dc)));
        }
        if (a == SmsText.Alphabet.UCS2 && data.length % 2 != 0) {
            return Optional.of(new PduShape.Unreadable(SMPPConstant.STAT_ESME_RINVMSGLEN,
                    "UCS-2 text of an odd number (" + data.length + ") of octets"));
        }
        Optional<Charset> strict = switch (a) {
            case UCS2 -> Optional.of(StandardCharsets.UTF_16BE);
            case IA5 -> Optional.of(StandardCharsets.US_ASCII);
            case OTHER -> SmsText.charset(dc);
            default -> Optional.empty();
        };
        if (strict.isPresent() && !decodes(strict.get(), data)) {
            return Optional.of(new PduShape.Unreadable(SMPPConstant.STAT_ESME_RINVDCS,
                    "the octets are not valid " + strict.get().name()));
        }
        return Optional.empty();
    }

    private static boolean decodes(Charset charset, byte[] data) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
