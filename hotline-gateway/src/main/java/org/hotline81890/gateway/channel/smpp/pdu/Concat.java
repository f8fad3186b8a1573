package org.hotline81890.gateway.channel.smpp.pdu;

/**
 * Where one part sits in a concatenated (long) message: from a UDH information element (IEI 0x00 with an
 * 8-bit reference, IEI 0x08 with a 16-bit reference) or from the SAR TLVs.
 */
public record Concat(int reference, int total, int sequence, Scheme scheme) {
    public enum Scheme { UDH_8BIT, UDH_16BIT, SAR }

    public Concat {
        if (reference < 0 || reference > 0xFFFF) {
            throw new IllegalArgumentException("reference out of range: " + reference);
        }
        if (total < 1 || total > 255) {
            throw new IllegalArgumentException("total out of range: " + total);
        }
        if (sequence < 1 || sequence > total) {
            throw new IllegalArgumentException("sequence " + sequence + " outside 1.." + total);
        }
        if (scheme == null) {
            throw new IllegalArgumentException("scheme is required");
        }
    }

    /** A part that is alone (total 1) is not really concatenated. */
    public boolean isMultipart() {
        return total > 1;
    }
}
