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
 * is not public, so that our own accept loop can hand sockets to {@code FastAgiConnectionHandler}.
 */
final class LineSocket implements SocketConnectionFacade {
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
        return in.readLine();
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
