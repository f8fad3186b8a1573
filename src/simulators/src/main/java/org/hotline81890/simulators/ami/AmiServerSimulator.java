package org.hotline81890.simulators.ami;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asterisk 22's manager interface on a TCP port: banner {@code Asterisk Call Manager/11.0.0}, CRLF framing,
 * Login (plain and MD5 challenge), Originate with the channel events Asterisk emits, Hangup, QueueStatus and
 * friends, and {@link #publish} to push events (e.g. {@link QueueEvents}) to every session with events on.
 * One virtual thread per connection.
 */
public final class AmiServerSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmiServerSimulator.class);

    private final AmiServerConfig config;
    private final ChannelIds ids;
    private final Set<AmiConnection> connections = ConcurrentHashMap.newKeySet();
    private final Map<String, OriginatedCall> calls = new ConcurrentHashMap<>();
    private final List<AmiMessage> originates = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, String> callQueue = new ConcurrentHashMap<>();
    private final AgentCallActions agentCalls = new AgentCallActions();
    private volatile Function<String, OriginateOutcome> outcome;
    private volatile ServerSocket server;

    public AmiServerSimulator(AmiServerConfig config) {
        this.config = config;
        this.ids = new ChannelIds(config.environment(), config.firstUniqueCounter(), config.firstLocalSequence());
        this.outcome = config.originateOutcome();
    }

    /** Binds 127.0.0.1 on the configured port (0 = any) and starts accepting. */
    public AmiServerSimulator start() throws IOException {
        server = new ServerSocket(config.port(), 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("ami-sim-accept").start(this::acceptLoop);
        LOG.info("AMI simulator listening on port {}", server.getLocalPort());
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Closes the listening socket and every session. */
    public void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            LOG.debug("closing AMI listener: {}", e.toString());
        }
        dropAllConnections();
    }

    @Override
    public void close() {
        stop();
    }

    /** Cuts every manager session (as an Asterisk restart would); the listener stays up for reconnects. */
    public void dropAllConnections() {
        connections.forEach(AmiConnection::close);
        connections.clear();
    }

    public int connectionCount() {
        return connections.size();
    }

    /** Sends an event to every authenticated session that has events on. */
    public void publish(AmiMessage event) {
        agentCalls.observe(event);
        connections.forEach(c -> c.sendEvent(event));
    }

    /** Call-control actions (Hangup, BlindTransfer, Atxfer, PlayDTMF, Redirect) received on agents' calls. */
    public List<AmiMessage> agentCallActions() {
        return agentCalls.received();
    }

    AgentCallActions agentCalls() {
        return agentCalls;
    }

    public void publishAll(List<AmiMessage> events) {
        events.forEach(this::publish);
    }

    /** The outcome of the next Originates, by their Channel header. */
    public void setOriginateOutcome(Function<String, OriginateOutcome> f) {
        outcome = f;
    }

    /** Every Originate action received so far, oldest first (a test reads what the gateway asked to dial). */
    public List<AmiMessage> originates() {
        return List.copyOf(originates);
    }

    void received(AmiMessage originate) {
        originates.add(originate);
    }

    /** A live call by either of its channel names. */
    public Optional<OriginatedCall> call(String channel) {
        return Optional.ofNullable(calls.get(channel));
    }

    /** Hangs up a live call as AMI Hangup does, emitting the hang-up events (and an abandon if it was queued). */
    public void hangUp(OriginatedCall call, String channel, int cause) {
        calls.remove(call.one().channel());
        calls.remove(call.two().channel());
        String queueName = callQueue.remove(call.two().channel());
        if (queueName != null) {
            queue(queueName).flatMap(q -> q.leave(call.two().channel(), true));
        }
        publishAll(CallActions.hangupEvents(call, channel, cause));
    }

    public Optional<QueueState> queue(String name) {
        return config.queues().stream().filter(q -> q.name().equals(name)).findFirst();
    }

    public AmiServerConfig config() {
        return config;
    }

    OriginateOutcome outcomeFor(String channel) {
        return outcome.apply(channel);
    }

    ChannelIds ids() {
        return ids;
    }

    void register(OriginatedCall call, String target) {
        calls.put(call.one().channel(), call);
        calls.put(call.two().channel(), call);
        String dial = target.substring(target.indexOf('/') + 1);
        String queueName = config.queueRoutes().get(dial);
        if (queueName != null) {
            queue(queueName).ifPresent(q -> {
                q.join(call.two(), config.environment().epochSeconds());
                callQueue.put(call.two().channel(), queueName);
            });
        }
    }

    void forget(AmiConnection c) {
        connections.remove(c);
    }

    private void acceptLoop() {
        ServerSocket s = server;
        while (!s.isClosed()) {
            try {
                Socket socket = s.accept();
                AmiConnection c = new AmiConnection(socket, this);
                connections.add(c);
                Thread.ofVirtual().name("ami-sim-session").start(c::serve);
            } catch (IOException e) {
                LOG.debug("AMI accept loop ends: {}", e.toString());
            }
        }
    }
}
