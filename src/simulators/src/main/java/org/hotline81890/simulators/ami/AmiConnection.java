package org.hotline81890.simulators.ami;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One manager session: reads CRLF-framed actions, writes responses and (when enabled) events. */
final class AmiConnection {

    private static final Logger LOG = LoggerFactory.getLogger(AmiConnection.class);
    static final byte[] BANNER = "Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final AmiServerSimulator server;
    private final Object writeLock = new Object();
    volatile boolean authenticated;
    volatile boolean eventsOn;
    volatile String challenge = "";

    AmiConnection(Socket socket, AmiServerSimulator server) {
        this.socket = socket;
        this.server = server;
    }

    void serve() {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            write(BANNER);
            Optional<AmiMessage> msg;
            while ((msg = readMessage(in)).isPresent()) {
                if (!AmiActions.handle(msg.get(), this, server)) {
                    break;
                }
            }
        } catch (IOException e) {
            LOG.debug("AMI connection ended: {}", e.toString());
        } finally {
            server.forget(this);
        }
    }

    void send(AmiMessage m) throws IOException {
        write(m.render());
    }

    /** Delivers an event if this session has events on; a broken socket only ends this session. */
    void sendEvent(AmiMessage m) {
        if (!authenticated || !eventsOn) {
            return;
        }
        try {
            write(m.render());
        } catch (IOException e) {
            LOG.debug("dropping event for a closed AMI session: {}", e.toString());
        }
    }

    private void write(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing AMI socket: {}", e.toString());
        }
    }

    String localAddress() {
        return "IPV4/TCP/" + socket.getLocalAddress().getHostAddress() + "/" + socket.getLocalPort();
    }

    String remoteAddress() {
        InetSocketAddress r = (InetSocketAddress) socket.getRemoteSocketAddress();
        return "IPV4/TCP/" + r.getAddress().getHostAddress() + "/" + r.getPort();
    }

    /** Headers up to an empty line; blank-only input is skipped. Empty at end of stream. */
    private static Optional<AmiMessage> readMessage(InputStream in) throws IOException {
        List<AmiMessage.Header> headers = new ArrayList<>();
        while (true) {
            Optional<String> line = readLine(in);
            if (line.isEmpty()) {
                return Optional.empty();
            }
            if (line.get().isEmpty()) {
                if (!headers.isEmpty()) {
                    return Optional.of(new AmiMessage(headers));
                }
                continue;
            }
            int colon = line.get().indexOf(':');
            String name = colon < 0 ? line.get() : line.get().substring(0, colon);
            String value = colon < 0 ? "" : line.get().substring(colon + 1).stripLeading();
            headers.add(new AmiMessage.Header(name, value));
        }
    }

    private static Optional<String> readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = buf.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return Optional.of(new String(bytes, 0, len, StandardCharsets.UTF_8));
            }
            buf.write(b);
        }
        return Optional.empty();
    }
}
