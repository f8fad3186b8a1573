package org.hotline81890.gateway.channel.smpp.pdu;

import java.util.Optional;

import org.jsmpp.SMPPConstant;

/**
 * Whether the bytes of a deliver_sm (SMPP 3.4 §4.6.1) can be read at all, checked before jSMPP decodes them: every
 * mandatory field inside the PDU, each C-octet string terminated within its maximum, {@code short_message} within
 * the PDU, every TLV whole, and the TLVs this gateway reads of the length the specification gives them. A PDU that
 * fails gets the status SMPP 3.4 names for the field; pure, no I/O.
 */
public final class PduShape {
    /** Why a PDU cannot be read, and the command status that says so. */
    public record Unreadable(int status, String reason) {
    }

    private static final int HEADER = 16;

    private PduShape() {
    }

    /** {@code pdu}: the whole PDU, header included. */
    public static Optional<Unreadable> deliverSm(byte[] pdu) {
        Cursor c = new Cursor(pdu, HEADER);
        try {
            c.cString(6, SMPPConstant.STAT_ESME_RINVSERTYP, "service_type");
            c.skip(2, "source_addr_ton/npi");
            c.cString(21, SMPPConstant.STAT_ESME_RINVSRCADR, "source_addr");
            c.skip(2, "dest_addr_ton/npi");
            c.cString(21, SMPPConstant.STAT_ESME_RINVDSTADR, "destination_addr");
            c.skip(3, "esm_class, protocol_id, priority_flag");
            c.cString(17, SMPPConstant.STAT_ESME_RINVSCHED, "schedule_delivery_time");
            c.cString(17, SMPPConstant.STAT_ESME_RINVEXPIRY, "validity_period");
            c.skip(4, "registered_delivery .. sm_default_msg_id");
            int smLength = c.octet("sm_length");
            if (c.at + smLength > pdu.length) {
                throw new Bad(SMPPConstant.STAT_ESME_RINVMSGLEN, "sm_length " + smLength + " runs past the PDU's end");
            }
            c.at += smLength;
            tlvs(c);
            return Optional.empty();
        } catch (Bad b) {
            return Optional.of(new Unreadable(b.status, b.getMessage()));
        }
    }

    private static void tlvs(Cursor c) {
        while (c.at < c.pdu.length) {
            if (c.pdu.length - c.at < 4) {
                throw new Bad(SMPPConstant.STAT_ESME_RINVTLVSTREAM, "a TLV header is cut short");
            }
            int tag = c.u16(c.at);
            int length = c.u16(c.at + 2);
            c.at += 4;
            if (c.at + length > c.pdu.length) {
                throw new Bad(SMPPConstant.STAT_ESME_RINVTLVSTREAM,
                        String.format("TLV 0x%04x of %d octets runs past the PDU's end", tag, length));
            }
            int expected = expectedLength(tag);
            if (expected >= 0 && length != expected) {
                throw new Bad(SMPPConstant.STAT_ESME_RINVTLVLEN,
                        String.format("TLV 0x%04x has %d octets, not %d", tag, length, expected));
            }
            c.at += length;
        }
    }

    /** sar_msg_ref_num, sar_total_segments, sar_segment_seqnum, message_state; -1 for the others. */
    private static int expectedLength(int tag) {
        return switch (tag) {
            case 0x020C -> 2;
            case 0x020E, 0x020F, 0x0427 -> 1;
            default -> -1;
        };
    }

    private static final class Cursor {
        private final byte[] pdu;
        private int at;

        Cursor(byte[] pdu, int at) {
            this.pdu = pdu;
            this.at = at;
        }

        void skip(int n, String what) {
            if (at + n > pdu.length) {
                throw new Bad(SMPPConstant.STAT_ESME_RINVCMDLEN, "the PDU ends before " + what);
            }
            at += n;
        }

        int octet(String what) {
            skip(1, what);
            return pdu[at - 1] & 0xFF;
        }

        int u16(int i) {
            return (pdu[i] & 0xFF) << 8 | pdu[i + 1] & 0xFF;
        }

        /** A C-octet string of at most {@code max} octets with its NUL. */
        void cString(int max, int status, String what) {
            for (int i = at; i < pdu.length; i++) {
                if (pdu[i] == 0) {
                    if (i - at + 1 > max) {
                        throw new Bad(status, what + " is longer than " + (max - 1) + " octets");
                    }
                    at = i + 1;
                    return;
                }
            }
            throw new Bad(pdu.length - at >= max ? status : SMPPConstant.STAT_ESME_RINVCMDLEN,
                    what + " has no NUL terminator before the PDU's end");
        }
    }

    private static final class Bad extends RuntimeException {
        private final int status;

        Bad(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
    }
}
