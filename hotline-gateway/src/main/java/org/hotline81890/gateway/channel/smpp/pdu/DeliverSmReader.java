package org.hotline81890.gateway.channel.smpp.pdu;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.hotline81890.gateway.sms.DeliveryReceipt;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * Translates a jSMPP {@link DeliverSm} into an {@link IncomingPdu}: a delivery receipt (esm_class message type
 * bits 2-5 = 0x04, or a receipted_message_id TLV, or the receipt text format) or a mobile-originated part
 * (text decoded by data_coding, concatenation from UDH or SAR TLVs). Pure: no I/O.
 */
public final class DeliverSmReader {
    private static final int ESM_TYPE_MASK = 0x3C;
    private static final int ESM_TYPE_RECEIPT = 0x04;
    private static final int ESM_TYPE_INTERMEDIATE = 0x20;
    private static final int ESM_UDHI = 0x40;

    private final Optional<Short> moMessageIdTag;

    /** @param moMessageIdTag the TLV in which this SMSC puts its id for mobile-originated messages, if any */
    public DeliverSmReader(Optional<Short> moMessageIdTag) {
        this.moMessageIdTag = moMessageIdTag;
    }

    public IncomingPdu read(DeliverSm pdu, Instant receivedAt) {
        byte[] sm = shortMessage(pdu);
        boolean udhi = (pdu.getEsmClass() & ESM_UDHI) != 0;
        UserData userData = UserData.parse(sm, udhi);
        String text = SmsText.decode(pdu.getDataCoding(), userData.body());
        Optional<String> receiptedId = tlvString(pdu, OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code());
        int type = pdu.getEsmClass() & ESM_TYPE_MASK;
        boolean flagged = type == ESM_TYPE_RECEIPT || type == ESM_TYPE_INTERMEDIATE || receiptedId.isPresent();
        Optional<ReceiptText> receiptText = ReceiptText.parse(text);
        if (flagged || looksLikeBareReceipt(text, receiptText)) {
            return receipt(pdu, receiptedId, receiptText);
        }
        Optional<PduShape.Unreadable> doubtful = DoubtfulContent.check(pdu, sm, udhi);
        if (doubtful.isPresent()) {
            return new IncomingPdu.Refused(doubtful.get().status(), doubtful.get().reason());
        }
        Optional<Concat> concat = userData.concat().or(() -> sar(pdu));
        Optional<String> smscId = moMessageIdTag.flatMap(tag -> tlvString(pdu, tag));
        return new IncomingPdu.MoPart(nz(pdu.getSourceAddr()), nz(pdu.getDestAddress()), text, concat, smscId,
                fingerprint(pdu, concat), receivedAt);
    }

    private static boolean looksLikeBareReceipt(String text, Optional<ReceiptText> parsed) {
        return parsed.isPresent() && parsed.get().doneDate().isPresent() && text.toLowerCase().contains("dlvrd:");
    }

    private static IncomingPdu receipt(DeliverSm pdu, Optional<String> receiptedId, Optional<ReceiptText> text) {
        Optional<String> id = receiptedId.or(() -> text.flatMap(ReceiptText::id));
        if (id.isEmpty() || id.get().isBlank()) {
            return new IncomingPdu.UnreadableReceipt("no receipted_message_id and no id: in the text");
        }
        OptionalParameter state = pdu.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE.code());
        DeliveryReceipt.Status status = state instanceof OptionalParameter.Byte b
                ? DeliveryReceipt.Status.fromMessageState(b.getValue() & 0xFF)
                : text.flatMap(ReceiptText::stat).map(DeliveryReceipt.Status::fromStat)
                        .orElse(DeliveryReceipt.Status.UNKNOWN);
        return new IncomingPdu.Receipt(new DeliveryReceipt(id.get(), status, text.flatMap(ReceiptText::err),
                text.flatMap(ReceiptText::submitDate), text.flatMap(ReceiptText::doneDate),
                nz(pdu.getSourceAddr()), nz(pdu.getDestAddress())));
    }

    private static Optional<Concat> sar(DeliverSm pdu) {
        OptionalParameter ref = pdu.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM.code());
        OptionalParameter total = pdu.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS.code());
        OptionalParameter seq = pdu.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM.code());
        if (ref instanceof OptionalParameter.Short r && total instanceof OptionalParameter.Byte t
                && seq instanceof OptionalParameter.Byte s) {
            return UserData.concat(r.getValue() & 0xFFFF, t.getValue() & 0xFF, s.getValue() & 0xFF, Concat.Scheme.SAR);
        }
        return Optional.empty();
    }

    private static byte[] shortMessage(DeliverSm pdu) {
        byte[] sm = pdu.getShortMessage();
        if (sm != null && sm.length > 0) {
            return sm;
        }
        OptionalParameter payload = pdu.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD.code());
        return payload instanceof OptionalParameter.OctetString os ? os.getValue() : new byte[0];
    }

    private static Optional<String> tlvString(DeliverSm pdu, short tag) {
        OptionalParameter p = pdu.getOptionalParameter(tag);
        if (!(p instanceof OptionalParameter.OctetString os)) {
            return Optional.empty();
        }
        String value = new String(os.getValue(), StandardCharsets.ISO_8859_1).replace("\0", "").trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The SMSC-provided header fields of a PDU that take part in the idempotency key when the SMSC gives no
     * message id: service_type, source and destination TON/NPI, esm_class, protocol_id, priority_flag,
     * schedule_delivery_time, validity_period, registered_delivery, data_coding and the concatenation
     * reference/total. Two deliveries of the same PDU give the same fingerprint.
     */
    static String fingerprint(DeliverSm pdu, Optional<Concat> concat) {
        return "st=" + nz(pdu.getServiceType()) + "|sa=" + pdu.getSourceAddrTon() + "/" + pdu.getSourceAddrNpi()
                + "|da=" + pdu.getDestAddrTon() + "/" + pdu.getDestAddrNpi() + "|esm=" + pdu.getEsmClass()
                + "|pid=" + pdu.getProtocolId() + "|pri=" + pdu.getPriorityFlag()
                + "|sdt=" + nz(pdu.getScheduleDeliveryTime()) + "|vp=" + nz(pdu.getValidityPeriod())
                + "|rd=" + pdu.getRegisteredDelivery() + "|dc=" + pdu.getDataCoding()
                + concat.map(c -> "|cc=" + c.scheme() + ":" + c.reference() + ":" + c.total()).orElse("");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
