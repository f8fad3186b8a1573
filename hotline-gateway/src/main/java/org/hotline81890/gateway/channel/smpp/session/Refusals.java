package org.hotline81890.gateway.channel.smpp.session;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.OptionalParameter;

/**
 * How {@link CheckedPduReader} tells the listener that a deliver_sm could not be read: it hands jSMPP a blank
 * deliver_sm of the same sequence number carrying one private TLV (a vendor-specific tag) whose value is this
 * process's random secret and the status to answer. jSMPP's listener interface carries no session or context, so
 * the mark travels in the PDU; the secret keeps an SMSC from forging it (an SMSC sending the tag is just ignored).
 */
final class Refusals {
    /** One per process: the reader of every session marks, the one listener reads. */
    static final Refusals PROCESS = new Refusals();
    static final short TAG = 0x1F16;
    private final byte[] secret = new byte[16];

    private Refusals() {
        new SecureRandom().nextBytes(secret);
    }

    /** A readable deliver_sm (or data_sm), empty but for the mark. */
    byte[] blank(int commandId, int sequence, int status) {
        byte[] mark = ByteBuffer.allocate(secret.length + 4).put(secret).putInt(status).array();
        // deliver_sm: service_type, ton, npi, source, ton, npi, destination, esm_class, pid, priority, two times,
        // four octets, sm_length 0; data_sm: service_type, ton, npi, source, ton, npi, destination, esm_class,
        // registered_delivery, data_coding
        int body = commandId == SMPPConstant.CID_DATA_SM ? 1 + 2 + 1 + 2 + 1 + 3
                : 1 + 2 + 1 + 2 + 1 + 3 + 1 + 1 + 4 + 1;
        int length = 16 + body + 4 + mark.length;
        ByteBuffer b = ByteBuffer.allocate(length).putInt(length).putInt(commandId).putInt(0).putInt(sequence);
        b.position(16 + body);
        b.putShort(TAG).putShort((short) mark.length).put(mark);
        return b.array();
    }

    /** The status to answer when {@code pdu} is such a blank. */
    Optional<Integer> of(org.jsmpp.bean.AbstractSmCommand pdu) {
        return of(pdu.getOptionalParameter(TAG));
    }

    private Optional<Integer> of(OptionalParameter p) {
        if (!(p instanceof OptionalParameter.OctetString os) || os.getValue().length != secret.length + 4) {
            return Optional.empty();
        }
        byte[] value = os.getValue();
        if (!Arrays.equals(value, 0, secret.length, secret, 0, secret.length)) {
            return Optional.empty();
        }
        return Optional.of(ByteBuffer.wrap(value, secret.length, 4).getInt());
    }
}
