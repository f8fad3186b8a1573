package org.hotline81890.gateway.channel.ami;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.hotline81890.gateway.config.HotlineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one managed manager connection. A supervisor (virtual thread) logs in and, whenever the connection is
 * neither connected nor being re-established by Asterisk-Java itself (which it does after a dropped socket),
 * logs in again with exponential backoff (ami.reconnect-initial doubling up to ami.reconnect-max). The health
 * check reads the connection's state.
 */
public final class AmiConnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AmiConnector.class);
    private final ManagerConnection connection;
    private final Duration initial;
    private final Duration max;
    private volatile boolean closed;
    private volatile Thread supervisor;

    public AmiConnector(HotlineConfig.Ami cfg) {
        this.connection = new ManagerConnectionFactory(cfg.host(), cfg.port(), cfg.username(), cfg.password())
                .createManagerConnection();
        this.initial = cfg.reconnectInitial();
        this.max = cfg.reconnectMax();
    }

    public void addListener(ManagerEventListener listener) {
        connection.addEventListener(listener);
    }

    public ManagerConnection connection() {
        return connection;
    }

    public boolean isConnected() {
        return connection.getState() == ManagerConnectionState.CONNECTED;
    }

    public AmiConnector start() {
        supervisor = Thread.ofVirtual().name("ami-supervisor").start(this::supervise);
        return this;
    }

    private void supervise() {
        Duration wait = initial;
        long lostAt = 0;
        while (!closed) {
            ManagerConnectionState state = connection.getState();
            if (state == ManagerConnectionState.RECONNECTING && lostAt == 0) {
                lostAt = System.nanoTime();
                LOG.warn("AMI connection to {}:{} lost; Asterisk-Java is reconnecting", connection.getHostname(),
                        connection.getPort());
            }
            if (state == ManagerConnectionState.CONNECTED && lostAt != 0) {
                LOG.info("AMI connection to {}:{} re-established after {} ms", connection.getHostname(),
                        connection.getPort(), (System.nanoTime() - lostAt) / 1_000_000);
                lostAt = 0;
            }
            if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING
                    || state == ManagerConnectionState.CONNECTING) {
                wait = initial;
                LockSupport.parkNanos(initial.toNanos());
                continue;
            }
            lostAt = 0;
            try {
                connection.login();
                LOG.info("AMI logged in to {}:{}", connection.getHostname(), connection.getPort());
                wait = initial;
            } catch (Exception e) {
                LOG.warn("AMI login to {}:{} failed, next try in {} ms: {}", connection.getHostname(),
                        connection.getPort(), wait.toMillis(), e.toString());
                LockSupport.parkNanos(wait.toNanos());
                wait = wait.multipliedBy(2).compareTo(max) > 0 ? max : wait.multipliedBy(2);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t = supervisor;
        if (t != null) {
            LockSupport.unpark(t);
        }
        if (connection.getState() == ManagerConnectionState.CONNECTED) {
            try {
                connection.logoff();
            } catch (RuntimeException e) {
                LOG.debug("AMI logoff: {}", e.toString());
            }
        }
    }
}
