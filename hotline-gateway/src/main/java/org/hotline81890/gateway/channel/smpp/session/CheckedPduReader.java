package org.hotline81890.gateway.channel.smpp.session;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Optional;

import org.hotline81890.gateway.channel.smpp.pdu.PduShape;
import org.jsmpp.InvalidCommandLengthException;
import org.jsmpp.PDUReader;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Command;
import org.jsmpp.util.DefaultDecomposer;
import org.jsmpp.util.PDUDecomposer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's PDU reader, in place of jSMPP's {@code DefaultPDUReader}, so that every PDU the SMSC sends gets an
 * answer (issue 16). A command_length under 16 or over {@value #MAX_LENGTH} octets (4 GB included) is never
 * allocated: jSMPP answers generic_nack ESME_RINVCMDLEN and unbinds, and {@link SmppBind} binds again. A deliver_sm
 * that cannot be read ({@link PduShape}, then jSMPP's own decoder as a net) is handed on as a blank deliver_sm marked
 * by {@link Refusals}, which the listener answers with the status naming the fault: jSMPP would otherwise answer
 * some with generic_nack and let the others' decoding exception end its task with no answer at all. A PDU whose body
 * stops arriving ends the connection rather than read the next header from its middle.
 */
final class CheckedPduReader implements PDUReader {
    /** 64 KiB of message_payload plus every mandatory field and TLV a deliver_sm may carry. */
    static final int MAX_LENGTH = 70_000;
    private static final int HEADER = 16;
    private static final Logger LOG = LoggerFactory.getLogger(CheckedPduReader.class);
    private final PDUDecomposer decomposer = new DefaultDecomposer();

    @Override
    public Command readPDUHeader(DataInputStream in) throws InvalidCommandLengthException, IOException {
        int length = in.readInt();
        Command header = new Command();
        header.setCommandLength(length);
        if (length < HEADER || length > MAX_LENGTH) {
            LOG.warn("PDU with command_length {} refused (16..{}): generic_nack and a new bind",
                    Integer.toUnsignedString(length), MAX_LENGTH);
            throw new InvalidCommandLengthException("command_length " + Integer.toUnsignedString(length));
        }
        header.setCommandId(in.readInt());
        header.setCommandStatus(in.readInt());
        header.setSequenceNumber(in.readInt());
        return header;
    }

    @Override
    public byte[] readPDU(DataInputStream in, Command header) throws IOException {
        return readPDU(in, header.getCommandLength(), header.getCommandId(), header.getCommandStatus(),
                header.getSequenceNumber());
    }

    @Override
    public byte[] readPDU(DataInputStream in, int length, int commandId, int status, int sequence)
            throws IOException {
        byte[] pdu = new byte[length];
        ByteBuffer.wrap(pdu).putInt(length).putInt(commandId).putInt(status).putInt(sequence);
        try {
            in.readFully(pdu, HEADER, length - HEADER);
        } catch (SocketTimeoutException e) {
            throw new IOException("the body of a PDU of " + length + " octets stopped arriving", e);
        }
        Optional<PduShape.Unreadable> unreadable = switch (commandId) {
            case SMPPConstant.CID_DELIVER_SM -> PduShape.deliverSm(pdu).or(() -> decodes(pdu));
            case SMPPConstant.CID_DATA_SM -> decodes(pdu);
            default -> Optional.empty();
        };
        if (unreadable.isEmpty()) {
            return pdu;
        }
        LOG.warn("PDU 0x{} {} refused with status 0x{}: {}", Integer.toHexString(commandId),
                Integer.toUnsignedString(sequence), Integer.toHexString(unreadable.get().status()),
                unreadable.get().reason());
        return Refusals.PROCESS.blank(commandId, sequence, unreadable.get().status());
    }

    /** jSMPP's decoder as a net for what the shape check lets through (and for data_sm). */
    private Optional<PduShape.Unreadable> decodes(byte[] pdu) {
        try {
            if (ByteBuffer.wrap(pdu).getInt(4) == SMPPConstant.CID_DATA_SM) {
                decomposer.dataSm(pdu);
            } else {
                decomposer.deliverSm(pdu);
            }
            return Optional.empty();
        } catch (PDUStringException e) {
            return Optional.of(new PduShape.Unreadable(e.getErrorCode(), e.getMessage()));
        } catch (RuntimeException e) {
            return Optional.of(new PduShape.Unreadable(SMPPConstant.STAT_ESME_RINVCMDLEN,
                    "jSMPP cannot decode it: " + e));
        }
    }
}
