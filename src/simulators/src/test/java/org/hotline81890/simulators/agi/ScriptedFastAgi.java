package org.hotline81890.simulators.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A FastAGI server for one call that sends fixed commands, one at a time, then closes (as a script returning). */
final class ScriptedFastAgi implements AutoCloseable {
    private final ServerSocket server;

    ScriptedFastAgi(List<String> commands) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> serve(commands));
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(List<String> commands) {
        try (Socket s = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                // the environment block
            }
            for (String c : commands) {
                out.write((c + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String reply = in.readLine();
                while ("HANGUP".equals(reply)) {
                    reply = in.readLine();
                }
                if (reply == null) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
