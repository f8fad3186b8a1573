package org.hotline81890.gateway.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/**
 * The demo's HTTP port. The hotline's default is 8080, often taken on a developer's machine: a demo started without
 * HOTLINE_HTTP_PORT takes a free port instead and says so (the URL it prints is the one it serves); a port asked for
 * explicitly that is taken fails the start at once with what to do, rather than after the whole demo started.
 */
final class DemoHttpPort {
    /** The port to serve on instead of the configured one, and what to tell the newcomer; empty: as configured. */
    record Choice(Optional<Integer> instead, Optional<String> notice) {
        static final Choice AS_CONFIGURED = new Choice(Optional.empty(), Optional.empty());
    }

    private DemoHttpPort() {
    }

    /**
     * @param explicit whether the port was asked for (HOTLINE_HTTP_PORT set) rather than the default
     * @throws IllegalStateException when an explicit port is taken
     */
    static Choice choose(String host, int configured, boolean explicit) throws IOException {
        if (configured == 0 || free(host, configured)) {
            return Choice.AS_CONFIGURED;
        }
        if (explicit) {
            throw new IllegalStateException("HTTP port " + configured + " on " + host + " is taken by another "
                    + "program: stop it, or set HOTLINE_HTTP_PORT to a free port (0 picks one)");
        }
        int other;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            other = s.getLocalPort();
        }
        return new Choice(Optional.of(other), Optional.of("HTTP port " + configured + " is taken by another program;"
                + " the demo serves on port " + other + " instead (HOTLINE_HTTP_PORT chooses one)"));
    }

    private static boolean free(String host, int port) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (java.net.BindException e) {
            return false;
        }
    }
}
