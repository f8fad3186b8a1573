package org.hotline81890.bench.sms;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The cheapest ESME possible: binds as a transceiver over a raw socket and answers every deliver_sm (and
 * enquire_link) with an OK resp at once, parsing nothing but the 16-byte header. Used by {@link SmscCeiling} to
 * find how many MO/s the node SMSC itself can push, independent of any ESME's cost.
 */
final class RawAcker implements AutoCloseable {
    private static final int BIND_TRANSCEIVER = 0x00000009;
    private static final int DELIVER_SM = 0x00000005;
    private static final int ENQUIRE_LINK = 0x00000015;
    private static final int RESP = 0x80000000;

    private final Socket socket;
    private final Thread reader;

    RawAcker(int port, String systemId, String password) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
        byte[] body = bindBody(systemId, password);
        writeHeader(out, 16 + body.length, BIND_TRANSCEIVER, 0, 1);
        out.write(body);
        out.flush();
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
        reader = Thread.ofPlatform().daemon().name("raw-acker").start(() -> loop(in, out));
    }

    private static byte[] bindBody(String systemId, String password) {
        byte[] id = systemId.getBytes(StandardCharsets.US_ASCII);
        byte[] pw = password.getBytes(StandardCharsets.US_ASCII);
        // system_id\0 password\0 system_type\0 interface_version addr_ton addr_npi address_range\0
        byte[] body = new byte[id.length + pw.length + 2 + 1 + 3 + 1];
        System.arraycopy(id, 0, body, 0, id.length);
        System.arraycopy(pw, 0, body, id.length + 1, pw.length);
        body[id.length + pw.length + 3] = 0x34;
        return body;
    }

    private static void writeHeader(DataOutputStream out, int length, int command, int status, int seq)
            throws IOException {
        out.writeInt(length);
        out.writeInt(command);
        out.writeInt(status);
        out.writeInt(seq);
    }

    private void loop(DataInputStream in, DataOutputStream out) {
        try {
            while (true) {
                int length = in.readInt();
                int command = in.readInt();
                in.readInt();
                int seq = in.readInt();
                in.skipNBytes(length - 16);
                if (command == DELIVER_SM) {
                    writeHeader(out, 17, DELIVER_SM | RESP, 0, seq);
                    out.write(0);
                } else if (command == ENQUIRE_LINK) {
                    writeHeader(out, 16, ENQUIRE_LINK | RESP, 0, seq);
                }
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (EOFException e) {
            // SMSC closed
        } catch (IOException e) {
            // closed by close()
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
