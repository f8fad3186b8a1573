package org.hotline81890.simulators.sip;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SIP registrar and relay over WebSocket (RFC 7118), standing in for Asterisk's PJSIP WebSocket transport so two
 * browser phones can register and call each other. REGISTER binds the To user (the extension) and the Contact's
 * user to the connection it came on; any other request goes to the connection its Request-URI's user is bound to
 * (an extension for a new call, a Contact for requests inside a dialog); a response goes back to the connection its
 * top Via's branch came from. Messages are forwarded unchanged. Started with passwords, REGISTER of those extensions
 * needs digest authentication ({@link DigestAuth}: 401 with a challenge, 403 for a wrong answer), as PJSIP asks it;
 * other requests are relayed without it. No media: the browsers' audio flows between themselves.
 */
public final class SipWebSocketRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipWebSocketRelay.class);
    private static final Pattern EXPIRES_PARAM = Pattern.compile(";\\s*expires=(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final int DEFAULT_EXPIRES = 600;
    private final ServerSocket server;
    private final Map<String, WebSocketConnection> bound = new ConcurrentHashMap<>();
    private final Map<String, WebSocketConnection> transactions = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, WebSocketConnection> eldest) {
                    return size() > 10_000;
                }
            });
    private final Set<String> extensions = ConcurrentHashMap.newKeySet();
    private final Map<String, String> contacts = new ConcurrentHashMap<>();
    private final Map<String, RelayCall> localCalls = new ConcurrentHashMap<>();
    private final AtomicInteger callSequence = new AtomicInteger();

    private final Optional<DigestAuth> auth;

    private SipWebSocketRelay(ServerSocket server, Optional<DigestAuth> auth) {
        this.server = server;
        this.auth = auth;
    }

    /** Listens on the port (0 = any) of the given address and serves each connection on a virtual thread. */
    public static SipWebSocketRelay start(String bind, int port) throws IOException {
        return start(bind, port, Map.of());
    }

    /** The same, asking digest authentication of REGISTER for the extensions in {@code passwords}. */
    public static SipWebSocketRelay start(String bind, int port, Map<String, String> passwords) throws IOException {
        Optional<DigestAuth> auth = passwords.isEmpty() ? Optional.empty()
                : Optional.of(new DigestAuth("hotline", passwords));
        SipWebSocketRelay relay = new SipWebSocketRelay(new ServerSocket(port, 50, InetAddress.getByName(bind)),
                auth);
        Thread.ofVirtual().name("sip-ws-accept").start(relay::acceptLoop);
        LOG.info("SIP WebSocket relay listening on {}:{}", bind, relay.port());
        return relay;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Whether an extension has a live registration. */
    public boolean isRegistered(String extension) {
        return extensions.contains(extension) && bound.containsKey(extension);
    }

    /**
     * Rings a registered extension as Asterisk would for {@code PJSIP/EXT}: an INVITE from the caller's number.
     * Empty when the extension has no registration.
     */
    public Optional<RelayCall> call(String extension, String caller, String domain, RelayCall.Listener listener)
            throws IOException {
        WebSocketConnection phone = bound.get(extension);
        String contact = contacts.get(extension);
        if (phone == null || contact == null || !extensions.contains(extension)) {
            return Optional.empty();
        }
        RelayCall call = new RelayCall(phone, contact, extension, caller, domain,
                "asterisk-" + callSequence.incrementAndGet(), listener);
        localCalls.put(call.localUser(), call);
        localCalls.put(call.inviteBranch(), call);
        call.sendInvite();
        return Optional.of(call);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().name("sip-ws").start(() -> serve(s));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("SIP WebSocket accept failed: {}", e.toString());
                }
            }
        }
    }

    private void serve(Socket socket) {
        Optional<WebSocketConnection> accepted;
        try {
            accepted = WebSocketConnection.accept(socket);
        } catch (IOException e) {
            LOG.debug("WebSocket handshake failed: {}", e.toString());
            return;
        }
        if (accepted.isEmpty()) {
            return;
        }
        WebSocketConnection c = accepted.get();
        try (c) {
            Optional<String> text;
            while ((text = c.read()).isPresent()) {
                if (!text.get().isBlank()) {
                    handle(c, SipMessage.parse(text.get()));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("SIP WebSocket connection ended: {}", e.toString());
        } finally {
            bound.values().removeIf(x -> x == c);
            transactions.values().removeIf(x -> x == c);
        }
    }

    private void handle(WebSocketConnection from, SipMessage m) throws IOException {
        LOG.debug("SIP in: {}", m.startLine());
        if (m.isResponse() && m.topBranch().map(localCalls::get).isPresent()) {
            localCalls.get(m.topBranch().get()).onResponse(m);
            return;
        }
        Optional<RelayCall> local = SipMessage.user(m.requestUri()).map(localCalls::get);
        if (!m.isResponse() && local.isPresent()) {
            local.get().onRequest(m);
            return;
        }
        if (m.isResponse()) {
            Optional<WebSocketConnection> origin = m.topBranch().map(transactions::get);
            if (origin.isPresent()) {
                origin.get().send(m.render());
            }
            return;
        }
        if (m.method().equals("REGISTER")) {
            register(from, m);
            return;
        }
        Optional<WebSocketConnection> target = SipMessage.user(m.requestUri()).map(bound::get);
        if (target.isEmpty()) {
            if (!m.method().equals("ACK")) {
                from.send(m.reply(404, "Not Found", tag(), List.of()).render());
            }
            return;
        }
        m.topBranch().ifPresent(b -> transactions.put(b, from));
        target.get().send(m.render());
    }

    private void register(WebSocketConnection from, SipMessage m) throws IOException {
        Optional<String> extension = m.header("to").flatMap(SipMessage::user);
        String contact = m.header("contact").orElse("");
        if (extension.isEmpty()) {
            from.send(m.reply(400, "Bad Request", tag(), List.of()).render());
            return;
        }
        if (!authenticated(from, m, extension.get())) {
            return;
        }
        int expires = expires(m, contact);
        Optional<String> contactUser = SipMessage.user(contact);
        if (expires == 0 || contact.equals("*")) {
            bound.remove(extension.get(), from);
            contactUser.ifPresent(u -> bound.remove(u, from));
            extensions.remove(extension.get());
            from.send(m.reply(200, "OK", tag(), List.of()).render());
            LOG.info("SIP {} unregistered", extension.get());
            return;
        }
        bound.put(extension.get(), from);
        contactUser.ifPresent(u -> bound.put(u, from));
        contacts.put(extension.get(), contact.replaceAll("^[^<]*<([^>]+)>.*$", "$1"));
        extensions.add(extension.get());
        String echoed = EXPIRES_PARAM.matcher(contact).replaceAll("") + ";expires=" + expires;
        from.send(m.reply(200, "OK", tag(), List.of(new SipMessage.Header("Contact", echoed),
                new SipMessage.Header("Expires", Integer.toString(expires)))).render());
        LOG.info("SIP {} registered", extension.get());
    }

    /** True when {@code m} may register {@code extension}; otherwise answered 401 (with a challenge) or 403. */
    private boolean authenticated(WebSocketConnection from, SipMessage m, String extension) throws IOException {
        if (auth.isEmpty() || !auth.get().guards(extension)) {
            return true;
        }
        switch (auth.get().check(m, extension)) {
            case OK -> {
                return true;
            }
            case WRONG -> {
                LOG.info("SIP {} refused: wrong credentials", extension);
                from.send(m.reply(403, "Forbidden", tag(), List.of()).render());
            }
            case MISSING, STALE -> from.send(m.reply(401, "Unauthorized", tag(),
                    List.of(new SipMessage.Header("WWW-Authenticate", auth.get().challenge()))).render());
        }
        return false;
    }

    private static int expires(SipMessage m, String contact) {
        Matcher p = EXPIRES_PARAM.matcher(contact);
        if (p.find()) {
            return Integer.parseInt(p.group(1));
        }
        return m.header("expires").map(String::strip).map(Integer::parseInt).orElse(DEFAULT_EXPIRES);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
