package org.hotline81890.gateway.channel.smpp.session;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.connection.socket.SocketConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one ESME bind up, forever: connect and bind, enquire_link keep-alive (jSMPP's timer), and on any loss
 * re-bind after a capped exponential backoff. Each state change is logged once at INFO; repeated failures with
 * the same cause only at DEBUG. The loop runs on its own virtual thread.
 */
public final class SmppBind implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmppBind.class);
    /** jSMPP's PDU threads per session. */
    private static final int PDU_THREADS = 4;
    /** How long a connection whose framing is lost stays open after its generic_nack (see {@link #bind}). */
    private static final Duration FRAMING_LINGER = Duration.ofMillis(250);

    public enum State { CONNECTING, BOUND, DISCONNECTED, STOPPED }

    private final SmppBindConfig config;
    private final MessageReceiverListener listener;
    private final Backoff backoff;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger binds = new AtomicInteger();
    private volatile State state = State.DISCONNECTED;
    private volatile String lastReason = "";
    private volatile State lastLogged = State.DISCONNECTED;
    private volatile SMPPSession session;
    private volatile Thread loop;

    public SmppBind(SmppBindConfig config, MessageReceiverListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.backoff = new Backoff(config.backoffInitial(), config.backoffMax());
    }

    public synchronized void start() {
        if (loop == null) {
            loop = Thread.ofVirtual().name("smpp-bind-" + config.name()).start(this::run);
        }
    }

    public SmppBindConfig config() {
        return config;
    }

    public State state() {
        return state;
    }

    /** How many times this bind succeeded since start (1 = never lost). */
    public int bindCount() {
        return binds.get();
    }

    /** The bound session, when there is one that can transmit. */
    public Optional<SMPPSession> transmitter() {
        SMPPSession s = session;
        return s != null && state == State.BOUND && s.getSessionState().isTransmittable() ? Optional.of(s)
                : Optional.empty();
    }

    private void run() {
        while (stopped.getCount() > 0) {
            CompletableFuture<Void> lost = new CompletableFuture<>();
            try {
                moveTo(State.CONNECTING, "");
                SMPPSession s = bind(lost);
                session = s;
                binds.incrementAndGet();
                backoff.reset();
                moveTo(State.BOUND, "");
                lost.join();
                moveTo(State.DISCONNECTED, "connection lost");
            } catch (IOException | RuntimeException e) {
                moveTo(State.DISCONNECTED, String.valueOf(e.getMessage()));
            } finally {
                closeQuietly();
            }
            pause(backoff.next());
        }
        moveTo(State.STOPPED, "");
    }

    private SMPPSession bind(CompletableFuture<Void> lost) throws IOException {
        // The listener defers every answer (DeliverSmListener): this sender holds each deliver_sm_resp back till then.
        // a refused command_length ends the connection shortly after its generic_nack is out, not after the unbind
        // jSMPP then waits on in vain; the linger lets the SMSC read the nack (and answer the unbind by closing)
        // first: closing a socket with unread input sends a reset, which may discard the nack on the SMSC's side
        SMPPSession s = new SMPPSession(DeferredResponses.sender(() -> CompletableFuture.delayedExecutor(
                FRAMING_LINGER.toMillis(), TimeUnit.MILLISECONDS).execute(() -> lost.complete(null))),
                new CheckedPduReader(),
                SocketConnectionFactory.getInstance());
        s.setEnquireLinkTimer((int) config.enquireLinkInterval().toMillis());
        s.setTransactionTimer(config.transactionTimeout().toMillis());
        // jSMPP's threads only decode and hand over (the listener defers every answer): a few suffice, and each
        // idle one more costs wake-ups on its task queue. The SMSC's window bounds the messages in flight.
        s.setPduProcessorDegree(Math.min(config.window(), PDU_THREADS));
        s.setQueueCapacity(Math.max(100, config.window() * 4));
        s.setMessageReceiverListener(listener);
        s.addSessionStateListener((newState, oldState, source) -> {
            if (!newState.isBound() && oldState.isBound() || newState == SessionState.CLOSED) {
                lost.complete(null);
            }
        });
        try {
            s.connectAndBind(config.host(), config.port(), new BindParameter(bindType(), config.systemId(),
                    config.password(), config.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                    null), config.transactionTimeout().toMillis());
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        if (!s.getSessionState().isBound()) {
            lost.complete(null);
        }
        return s;
    }

    private BindType bindType() {
        return switch (config.bindType()) {
            case TRANSCEIVER -> BindType.BIND_TRX;
            case RECEIVER -> BindType.BIND_RX;
            case TRANSMITTER -> BindType.BIND_TX;
        };
    }

    private void moveTo(State next, String reason) {
        state = next;
        if (next == State.CONNECTING) {
            LOG.debug("SMPP bind {}: connecting to {}:{}", config.name(), config.host(), config.port());
            return;
        }
        boolean repeat = next == lastLogged && reason.equals(lastReason);
        if (repeat) {
            LOG.debug("SMPP bind {}: still {} ({})", config.name(), next, reason);
        } else {
            LOG.info("SMPP bind {} ({}:{}, {}): {} -> {}{}", config.name(), config.host(), config.port(),
                    config.bindType(), lastLogged, next, reason.isEmpty() ? "" : " (" + reason + ")");
        }
        lastLogged = next;
        lastReason = reason;
    }

    private void pause(Duration d) {
        try {
            stopped.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.countDown();
        }
    }

    private void closeQuietly() {
        SMPPSession s = session;
        session = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void close() {
        stopped.countDown();
        SMPPSession s = session;
        if (s != null && s.getSessionState().isBound()) {
            s.unbindAndClose();
        } else if (s != null) {
            s.close();
        }
        Thread t = loop;
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
