package org.hotline81890.gateway.channel.smpp.pdu;

/** One submit_sm's worth of a message: its data_coding, the short_message octets (UDH included) and UDHI. */
public record OutboundPart(int dataCoding, byte[] shortMessage, boolean udhi) {
    public OutboundPart {
        shortMessage = shortMessage.clone();
        if (shortMessage.length > 254) {
            throw new IllegalArgumentException("short_message longer than 254 octets: " + shortMessage.length);
        }
    }

    @Override
    public byte[] shortMessage() {
        return shortMessage.clone();
    }
}
