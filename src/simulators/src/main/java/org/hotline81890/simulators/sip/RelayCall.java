package org.hotline81890.simulators.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A call the relay itself places to a registered phone, as Asterisk's PJSIP does when app_queue rings an agent on
 * {@code PJSIP/EXT}: INVITE with a WebRTC-shaped SDP offer (the browser answers it; no media flows, as the simulator
 * has none), ACK on 200 OK, BYE either way. The listener hears the answer and who hung up.
 */
public final class RelayCall {
    /** What the simulated Asterisk does when the phone answers or the call ends. */
    public interface Listener {
        void answered();

        /** The call ended: {@code byAgent} when the phone hung up (BYE) or declined, else the caller. */
        void ended(boolean byAgent);
    }

    private final WebSocketConnection phone;
    private final String phoneContact;
    private final Listener listener;
    private final String callId = UUID.randomUUID().toString();
    private final String fromTag = rand();
    private final String localUser;
    private final String domain;
    private final String extension;
    private final String caller;
    private final String inviteBranch = "z9hG4bK" + rand();
    private final AtomicBoolean answered = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile String toHeader = "";
    private volatile String remoteTarget;

    RelayCall(WebSocketConnection phone, String phoneContact, String extension, String caller, String domain,
              String localUser, Listener listener) {
        this.phone = phone;
        this.phoneContact = phoneContact;
        this.remoteTarget = phoneContact;
        this.extension = extension;
        this.caller = caller;
        this.domain = domain;
        this.localUser = localUser;
        this.listener = listener;
    }

    String inviteBranch() {
        return inviteBranch;
    }

    String localUser() {
        return localUser;
    }

    void sendInvite() throws IOException {
        String sdp = offer();
        phone.send("INVITE " + phoneContact + " SIP/2.0\r\n" + via(inviteBranch) + "Max-Forwards: 70\r\n"
                + "From: \"" + caller + "\" <sip:" + caller + "@" + domain + ">;tag=" + fromTag + "\r\n"
                + "To: <sip:" + extension + "@" + domain + ">\r\nCall-ID: " + callId + "\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:" + localUser + "@relay.invalid;transport=ws>\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.getBytes(java.nio.charset.StandardCharsets
                .UTF_8).length + "\r\n\r\n" + sdp);
    }

    /** A response to our INVITE or BYE. */
    void onResponse(SipMessage r) throws IOException {
        if (!r.method().equals("INVITE") || r.status() < 200) {
            return;
        }
        toHeader = r.header("to").orElse(toHeader);
        if (r.status() < 300) {
            remoteTarget = r.header("contact").map(c -> c.replaceAll("^.*<([^>]+)>.*$", "$1")).orElse(phoneContact);
            send("ACK " + remoteTarget, "z9hG4bK" + rand(), "1 ACK");
            if (answered.compareAndSet(false, true)) {
                listener.answered();
            }
        } else {
            // RFC 3261 17.1.1.3: the ACK of a non-2xx final response is part of the INVITE transaction.
            send("ACK " + phoneContact, inviteBranch, "1 ACK");
            end(true);
        }
    }

    /** A request from the phone inside this call (BYE, re-INVITE for hold, INFO). */
    void onRequest(SipMessage m) throws IOException {
        String tag = rand();
        switch (m.method()) {
            case "BYE" -> {
                phone.send(m.reply(200, "OK", tag, List.of()).render());
                end(true);
            }
            case "ACK" -> {
                // the phone's ACK of our answer to its re-INVITE
            }
            case "INVITE" -> phone.send(m.reply(200, "OK", tag, List.of(
                    new SipMessage.Header("Contact", "<sip:" + localUser + "@relay.invalid;transport=ws>"),
                    new SipMessage.Header("Content-Type", "application/sdp")), offerAsAnswer(m.body())).render());
            default -> phone.send(m.reply(200, "OK", tag, List.of()).render());
        }
    }

    /** The caller hangs up: BYE to the phone (or CANCEL while it rings). */
    public void hangUp() {
        if (ended.get()) {
            return;
        }
        try {
            if (answered.get()) {
                send("BYE " + remoteTarget, "z9hG4bK" + rand(), "2 BYE");
            } else {
                send("CANCEL " + phoneContact, inviteBranch, "1 CANCEL");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        end(false);
    }

    private void end(boolean byAgent) {
        if (ended.compareAndSet(false, true)) {
            listener.ended(byAgent);
        }
    }

    private void send(String startLine, String branch, String cseq) throws IOException {
        String to = toHeader.isEmpty() ? "<sip:" + extension + "@" + domain + ">" : toHeader;
        phone.send(startLine + " SIP/2.0\r\n" + via(branch) + "Max-Forwards: 70\r\n"
                + "From: \"" + caller + "\" <sip:" + caller + "@" + domain + ">;tag=" + fromTag + "\r\nTo: " + to
                + "\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq + "\r\nContent-Length: 0\r\n\r\n");
    }

    private static String via(String branch) {
        return "Via: SIP/2.0/WS relay.invalid;branch=" + branch + "\r\n";
    }

    /** An SDP offer a browser accepts: one bundled audio section with ICE and DTLS attributes, no reachable media. */
    private static String offer() {
        StringBuilder fp = new StringBuilder();
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        for (int i = 0; i < b.length; i++) {
            fp.append(i == 0 ? "" : ":").append(String.format("%02X", b[i]));
        }
        return "v=0\r\no=- " + System.currentTimeMillis() + " 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                + "a=group:BUNDLE 0\r\na=msid-semantic: WMS\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111 0 101\r\n"
                + "c=IN IP4 127.0.0.1\r\na=mid:0\r\na=rtcp-mux\r\na=ice-ufrag:" + rand() + "\r\na=ice-pwd:"
                + rand() + rand() + rand() + "\r\na=fingerprint:sha-256 " + fp + "\r\na=setup:actpass\r\n"
                + "a=rtpmap:111 opus/48000/2\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\na=sendrecv\r\na=end-of-candidates\r\n";
    }

    /** Answers a re-INVITE (hold / resume) with an SDP mirroring its direction. */
    private static String offerAsAnswer(String theirs) {
        String direction = theirs.contains("a=sendonly") ? "a=recvonly" : theirs.contains("a=inactive")
                ? "a=inactive" : "a=sendrecv";
        return offer().replace("a=setup:actpass", "a=setup:active").replace("a=sendrecv", direction);
    }

    private static String rand() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
