package org.hotline81890.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder in front of the test MariaDB that a test can cut (every connection closed, new ones closed at
 * once) and restore: the database going away under a running gateway, without touching the shared server. Its
 * threads are platform threads: on virtual ones it shared the scheduler (two carriers on a 2-core machine) with the
 * gateway under test, so a test that keeps those carriers busy could stall every database connection with it (the
 * suspect in a FastAgiFuzzIT flake whose log shows the pool's first connection timing out after 60 s).
 */
public final class CuttableProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String host;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    public CuttableProxy(String host, int port) {
        this.host = host;
        this.port = port;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("db-proxy").start(this::accept);
    }

    /** The JDBC URL {@code url} with its host:port replaced by this proxy. */
    public static CuttableProxy of(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:mysql://".length());
        String hostPort = rest.substring(0, rest.indexOf('/'));
        int colon = hostPort.lastIndexOf(':');
        return new CuttableProxy(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    public String rewrite(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:mysql://".length());
        return "jdbc:mysql://127.0.0.1:" + server.getLocalPort() + rest.substring(rest.indexOf('/'));
    }

    public void cut() {
        cut = true;
        open.forEach(CuttableProxy::closeQuietly);
    }

    public void restore() {
        cut = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(host, port);
                open.add(client);
                open.add(upstream);
                Thread.ofPlatform().daemon().name("db-proxy-up").start(() -> pump(client, upstream));
                Thread.ofPlatform().daemon().name("db-proxy-down").start(() -> pump(upstream, client));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buf = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        cut();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
