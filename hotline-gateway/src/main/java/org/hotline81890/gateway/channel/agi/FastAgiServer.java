package org.hotline81890.gateway.channel.agi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.fastagi.internal.DefaultAgiChannelFactory;
import org.asteriskjava.fastagi.internal.FastAgiConnectionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI listener: our own accept loop, one virtual thread per call running Asterisk-Java's connection
 * handler (request parsing, AgiChannel, the script, AJ_AGISTATUS). Asterisk-Java's DefaultAgiServer runs calls on
 * a bounded pool and silently closes connections beyond it; here nothing is refused except hosts not allowed.
 */
public final class FastAgiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FastAgiServer.class);
    private static final int BACKLOG = 4096;
    private final InetSocketAddress address;
    private final AllowedHosts allowed;
    private final MappingStrategy scripts;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile ServerSocket server;
    private volatile Duration idleTimeout = Duration.ofMinutes(5);

    public FastAgiServer(String bind, int port, AllowedHosts allowed, MappingStrategy scripts) {
        this.address = new InetSocketAddress(bind, port);
        this.allowed = allowed;
        this.scripts = scripts;
    }

    /** A connection silent this long (a peer stopped mid-command) is ended; {@code agi.idle-timeout}. */
    public FastAgiServer idleTimeout(Duration timeout) {
        this.idleTimeout = timeout;
        return this;
    }

    public FastAgiServer start() {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(address, BACKLOG);
            server = s;
        } catch (IOException e) {
            throw new UncheckedIOException("FastAGI cannot listen on " + address, e);
        }
        if (allowed.isEmpty()) {
            LOG.warn("agi.allowed-hosts is empty: every FastAGI connection will be refused");
        }
        Thread.ofPlatform().daemon().name("fastagi-accept").start(this::acceptLoop);
        LOG.info("FastAGI listening on {}:{}", address.getHostString(), port());
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Calls being served right now. */
    public int activeCalls() {
        return active.get();
    }

    public long servedCalls() {
        return served.get();
    }

    public long refusedConnections() {
        return refused.get();
    }

    public boolean isListening() {
        ServerSocket s = server;
        return s != null && s.isBound() && !s.isClosed();
    }

    private void acceptLoop() {
        ServerSocket s = server;
        while (!s.isClosed()) {
            Socket socket;
            try {
                socket = s.accept();
            } catch (IOException e) {
                if (!s.isClosed()) {
                    LOG.warn("FastAGI accept failed, continuing: {}", e.toString());
                }
                continue;
            }
            if (!allowed.permits(socket.getInetAddress())) {
                refused.incrementAndGet();
                LOG.warn("FastAGI connection from {} refused: not in agi.allowed-hosts", socket.getInetAddress());
                closeQuietly(socket);
                continue;
            }
            active.incrementAndGet();
            if (s.isClosed()) {
                // accepted while stopping (queued before the close reached the accept): counted first, so a drain
                // that saw no call really had none; closed unread, Asterisk's dialplan queues the caller
                active.decrementAndGet();
                closeQuietly(socket);
                break;
            }
            open.add(socket);
            Thread.ofVirtual().name("agi-call").start(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis()));
            new FastAgiConnectionHandler(scripts, new LineSocket(socket), new DefaultAgiChannelFactory()).run();
        } catch (IOException e) {
            LOG.debug("FastAGI session ended early: {}", e.toString());
        } finally {
            open.remove(socket);
            closeQuietly(socket);
            active.decrementAndGet();
            served.incrementAndGet();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing FastAGI socket: {}", e.toString());
        }
    }

    /** Stops taking calls: Asterisk's next AGI() is refused and its dialplan queues the caller. */
    public void stopAccepting() {
        ServerSocket s = server;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("closing FastAGI listener: {}", e.toString());
            }
        }
    }

    /**
     * Orderly stop: no new calls, then the calls in progress run to their end (their orders commit, their variables
     * reach the dialplan) for at most {@code drain}; whatever is still open after that is cut.
     */
    public void close(Duration drain) {
        stopAccepting();
        long deadline = System.nanoTime() + drain.toNanos();
        if (active.get() > 0) {
            LOG.info("FastAGI stopped accepting; draining {} calls in progress (at most {} s)", active.get(),
                    drain.toSeconds());
        }
        while (active.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        if (active.get() > 0) {
            LOG.warn("{} FastAGI calls still open after {} s: cut", active.get(), drain.toSeconds());
        }
        open.forEach(FastAgiServer::closeQuietly);
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }
}
