package org.hotline81890.simulators.sip;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server side of one WebSocket (RFC 6455) carrying SIP (RFC 7118): the opening handshake, which must offer the
 * {@code sip} subprotocol, then whole messages in and out. Client frames are masked, ours are not; pings are
 * answered; fragmented messages are joined. Enough for browsers, nothing more (no extensions, no compression).
 */
public final class WebSocketConnection implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_MESSAGE = 1 << 20;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private WebSocketConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Reads the HTTP upgrade request and answers 101 with {@code Sec-WebSocket-Protocol: sip}, or refuses. */
    public static Optional<WebSocketConnection> accept(Socket socket) throws IOException {
        WebSocketConnection c = new WebSocketConnection(socket);
        Map<String, String> headers = c.readHttpHeaders();
        String key = headers.get("sec-websocket-key");
        boolean sip = headers.getOrDefault("sec-websocket-protocol", "").toLowerCase(Locale.ROOT).matches(
                "(.*,\\s*)?sip(\\s*,.*)?");
        if (key == null || !headers.getOrDefault("upgrade", "").equalsIgnoreCase("websocket") || !sip) {
            // RFC 7118 section 4: a SIP WebSocket server refuses a handshake that does not ask for "sip".
            c.writeRaw("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket.close();
            return Optional.empty();
        }
        c.writeRaw("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + acceptKey(key) + "\r\nSec-WebSocket-Protocol: sip\r\n\r\n");
        return Optional.of(c);
    }

    static String acceptKey(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key.strip() + GUID)
                    .getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next whole text or binary message as UTF-8 text; empty when the peer closed. */
    public Optional<String> read() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                return Optional.empty();
            }
            int b1 = readByte();
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0f;
            long len = b1 & 0x7f;
            if (len == 126) {
                len = (readByte() << 8) | readByte();
            } else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) {
                    len = (len << 8) | readByte();
                }
            }
            if (len > MAX_MESSAGE || message.size() + len > MAX_MESSAGE) {
                throw new IOException("WebSocket message too large: " + len);
            }
            byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
            byte[] payload = in.readNBytes((int) len);
            if (payload.length < len) {
                throw new EOFException("WebSocket frame cut short");
            }
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            switch (opcode) {
                case 0x8 -> {
                    sendFrame(0x8, payload);
                    return Optional.empty();
                }
                case 0x9 -> sendFrame(0xA, payload);
                case 0xA -> {
                    // an unsolicited pong needs no answer
                }
                default -> {
                    message.writeBytes(payload);
                    if (fin) {
                        return Optional.of(message.toString(StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    /** Sends one SIP message as one text message (RFC 7118 section 5.1). */
    public void send(String text) throws IOException {
        sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized void sendFrame(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 10);
        f.write(0x80 | opcode);
        if (payload.length < 126) {
            f.write(payload.length);
        } else if (payload.length < 65536) {
            f.write(126);
            f.write(payload.length >> 8);
            f.write(payload.length & 0xff);
        } else {
            f.write(127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) ((long) payload.length >> (8 * i)) & 0xff);
            }
        }
        f.writeBytes(payload);
        out.write(f.toByteArray());
        out.flush();
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("WebSocket frame cut short");
        }
        return b;
    }

    private Map<String, String> readHttpHeaders() throws IOException {
        Map<String, String> headers = new HashMap<>();
        String line = readLine();
        while (!(line = readLine()).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                headers.put(name, line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
            if (b.size() > 8192) {
                throw new IOException("HTTP header line too long");
            }
        }
        if (c < 0) {
            throw new EOFException("connection closed during the WebSocket handshake");
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private synchronized void writeRaw(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
