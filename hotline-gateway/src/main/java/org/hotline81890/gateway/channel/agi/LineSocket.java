package org.hotline81890.gateway.channel.agi;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.asteriskjava.util.SocketConnectionFacade;

/**
 * Asterisk-Java's view of one accepted FastAGI socket: UTF-8 lines ending in LF (Asterisk sends bare LF; a CR
 * before it is dropped too). Replaces the library's Scanner-based facade, whose constructor for an accepted socket
 * is not public, so that our own accept loop can hand sockets to {@code FastAgiConnectionHandler}. A line longer
 * than {@value #MAX_LINE} characters (Asterisk's own AGI buffer is 2 KiB) ends the call instead of filling memory,
 * and so does a peer that sends nothing for the socket's read timeout ({@code agi.idle-timeout}).
 */
final class LineSocket implements SocketConnectionFacade {
    static final int MAX_LINE = 8192;
    private final Socket socket;
    private final BufferedReader in;
    private final Writer out;

    LineSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 1024);
        this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), 512);
    }

    @Override
    public String readLine() throws IOException {
        StringBuilder line = new StringBuilder(80);
        while (true) {
            int c = in.read();
            if (c < 0) {
                return line.isEmpty() ? null : line.toString();
            }
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() == MAX_LINE) {
                throw new IOException("a FastAGI line longer than " + MAX_LINE + " characters");
            }
            line.append((char) c);
        }
    }

    @Override
    public void write(String s) throws IOException {
        out.write(s);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected() && !socket.isClosed();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
