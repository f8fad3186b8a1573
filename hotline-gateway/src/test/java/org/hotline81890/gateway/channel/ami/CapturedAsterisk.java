package org.hotline81890.gateway.channel.ami;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fake Asterisk for the gateway's AMI client that says only what a live Asterisk 22 said in the captures: the
 * captured banner, and for each action the gateway sends, the captured answer to the same action, byte for byte,
 * with two rewrites a live Asterisk would make: the captured ActionID becomes the one the gateway sent, and a
 * captured VarSet of the variable the capture's Originate set is repeated once per variable the gateway's Originate
 * set. The one thing not in the captures is the answer to {@code Challenge} (Asterisk-Java always logs in with an
 * MD5 challenge, the capture client logged in with a plain Secret): {@code Response: Success}, the ActionID and
 * {@code Challenge: <9 digits>}, as manager.c sends it; the Login is then accepted only with the right key.
 * Every line the gateway sends is checked (CR LF, {@code Name: value}, a blank line ends the action); violations
 * and actions without a captured answer are collected in {@link #problems()}.
 */
final class CapturedAsterisk implements AutoCloseable {
    /** An action as the gateway sent it: its lines without CR LF, the empty line dropped. */
    record Action(List<String> lines) {
        String name() {
            return header("Action").orElse("");
        }

        Optional<String> header(String name) {
            return headers(name).stream().findFirst();
        }

        /** Header names are case-insensitive in AMI (Asterisk-Java sends them in lower case). */
        List<String> headers(String name) {
            return lines.stream().filter(l -> l.regionMatches(true, 0, name + ": ", 0, name.length() + 2))
                    .map(l -> l.substring(name.length() + 2)).toList();
        }

        /** The header names in order, lower case. */
        List<String> names() {
            return lines.stream().map(l -> l.substring(0, l.indexOf(": ")).toLowerCase(Locale.ROOT)).toList();
        }
    }

    private final ServerSocket server;
    private final String banner;
    private final String secret;
    private final Map<String, CapturedAmi.Exchange> answers = new HashMap<>();
    private CapturedAmi.Exchange refusedLogin;
    private List<CapturedAmi.Message> afterLogin = List.of();
    private final List<Action> received = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    CapturedAsterisk(String banner, String secret) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.banner = banner;
        this.secret = secret;
    }

    /** Answer actions named like the captured one's with the captured answer. */
    CapturedAsterisk answer(CapturedAmi.Exchange exchange) {
        answers.put(name(exchange), exchange);
        return this;
    }

    /** A Login with a wrong key gets this captured answer (a right one gets the one given to {@link #answer}). */
    CapturedAsterisk refuseLogin(CapturedAmi.Exchange exchange) {
        refusedLogin = exchange;
        return this;
    }

    /** Events pushed once the Login has been answered, as Asterisk broadcast them to the capture's session. */
    CapturedAsterisk afterLogin(List<CapturedAmi.Message> events) {
        afterLogin = List.copyOf(events);
        return this;
    }

    CapturedAsterisk start() {
        Thread.ofVirtual().name("captured-asterisk").start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    sockets.add(s);
                    Thread.ofVirtual().start(() -> serve(s));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return this;
    }

    int port() {
        return server.getLocalPort();
    }

    List<Action> received() {
        return List.copyOf(received);
    }

    List<Action> received(String action) {
        return received.stream().filter(a -> a.name().equalsIgnoreCase(action)).toList();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            out.write(banner.getBytes(StandardCharsets.ISO_8859_1));
            String challenge = "";
            Optional<Action> next;
            while ((next = readAction(in)).isPresent()) {
                Action a = next.get();
                received.add(a);
                String id = a.header("ActionID").orElse("");
                String name = a.name().toLowerCase(Locale.ROOT);
                if (name.equals("challenge")) {
                    challenge = Integer.toString(ThreadLocalRandom.current().nextInt(100_000_000, 1_000_000_000));
                    out.write(("Response: Success\r\nActionID: " + id + "\r\nChallenge: " + challenge + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    continue;
                }
                CapturedAmi.Exchange e = name.equals("login") && !keyMatches(a, challenge) ? refusedLogin
                        : answers.get(name);
                if (e == null) {
                    problems.add("no captured answer for " + a.lines());
                    return;
                }
                for (CapturedAmi.Message m : e.answer()) {
                    for (CapturedAmi.Message r : rewrite(m, e, a)) {
                        out.write(r.bytes());
                    }
                }
                if (e.closed()) {
                    return;
                }
                if (name.equals("login")) {
                    for (CapturedAmi.Message m : afterLogin) {
                        out.write(m.bytes());
                    }
                }
            }
        } catch (IOException e) {
            // the gateway closed the connection
        }
    }

    private boolean keyMatches(Action login, String challenge) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest((challenge + secret)
                    .getBytes(StandardCharsets.UTF_8));
            return !challenge.isEmpty() && login.header("AuthType").filter("MD5"::equalsIgnoreCase).isPresent()
                    && login.header("Key").filter(HexFormat.of().formatHex(md5)::equalsIgnoreCase).isPresent();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The captured ActionID becomes the gateway's; a VarSet of a captured Originate variable becomes the gateway's. */
    private static List<CapturedAmi.Message> rewrite(CapturedAmi.Message m, CapturedAmi.Exchange e, Action a) {
        CapturedAmi.Message out = m.replace("ActionID: " + e.actionId() + "\r\n",
                "ActionID: " + a.header("ActionID").orElse("") + "\r\n");
        if (!m.isEvent("VarSet")) {
            return List.of(out);
        }
        String captured = m.header("Variable").orElse("") + "=" + m.header("Value").orElse("");
        if (!e.action().headers("Variable").contains(captured)) {
            return List.of(out);
        }
        List<CapturedAmi.Message> expanded = new ArrayList<>();
        for (String v : a.headers("Variable")) {
            int eq = v.indexOf('=');
            expanded.add(out.replace("Variable: " + m.header("Variable").orElseThrow() + "\r\n",
                    "Variable: " + v.substring(0, eq) + "\r\n")
                    .replace("Value: " + m.header("Value").orElseThrow() + "\r\n",
                            "Value: " + v.substring(eq + 1) + "\r\n"));
        }
        return expanded;
    }

    /** One action: lines up to the empty line, each checked; empty at end of stream. */
    private Optional<Action> readAction(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b != '\n') {
                continue;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (!text.endsWith("\r\n") || text.indexOf('\r') != text.length() - 2) {
                problems.add("not a CR LF line: " + text.replace("\r", "\\r").replace("\n", "\\n"));
            }
            String content = text.replaceFirst("\r?\n$", "");
            if (content.isEmpty()) {
                return Optional.of(new Action(lines));
            }
            if (!content.matches("[A-Za-z][A-Za-z0-9_-]*: .*")) {
                problems.add("not a 'Name: value' line: " + content);
            }
            lines.add(content);
        }
        if (!lines.isEmpty() || line.size() > 0) {
            problems.add("action not ended by an empty line: " + lines);
        }
        return Optional.empty();
    }

    private static String name(CapturedAmi.Exchange e) {
        return e.action().header("Action").orElseThrow().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
