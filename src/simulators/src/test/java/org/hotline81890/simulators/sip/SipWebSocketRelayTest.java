package org.hotline81890.simulators.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two SIP clients over WebSocket (the JDK's client, subprotocol "sip") register and one calls the other. */
class SipWebSocketRelayTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private SipWebSocketRelay relay;

    @BeforeEach
    void start() throws Exception {
        relay = SipWebSocketRelay.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    /** A client of this test's relay. */
    private final class Client {
        private final SipTestClient c = new SipTestClient(http, relay.port());
        final WebSocket ws = c.ws;

        void send(String sip) {
            c.send(sip);
        }

        SipMessage next() throws InterruptedException {
            return c.next();
        }
    }

    private static String register(String ext, String contactUser) {
        return "REGISTER sip:hotline.test SIP/2.0\r\nVia: SIP/2.0/WS h.invalid;branch=z9hG4bKreg" + ext + "\r\n"
                + "To: <sip:" + ext + "@hotline.test>\r\nFrom: <sip:" + ext + "@hotline.test>;tag=r" + ext + "\r\n"
                + "Call-ID: reg-" + ext + "\r\nCSeq: 1 REGISTER\r\n"
                + "Contact: <sip:" + contactUser + "@h.invalid;transport=ws>;expires=300\r\nContent-Length: 0\r\n\r\n";
    }

    @Test
    void registeredClientsShouldReachEachOtherByExtensionThenByContact() throws Exception {
        Client a = new Client();
        Client b = new Client();
        a.send(register("1001", "aaaa"));
        SipMessage ok = a.next();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("contact").orElseThrow()).contains("sip:aaaa@h.invalid", ";expires=300");
        assertThat(ok.header("to").orElseThrow()).contains(";tag=");
        b.send(register("1002", "bbbb"));
        assertThat(b.next().status()).isEqualTo(200);
        assertThat(relay.isRegistered("1002")).isTrue();

        String invite = "INVITE sip:1002@hotline.test SIP/2.0\r\nv: SIP/2.0/WS h.invalid;branch=z9hG4bKinv1\r\n"
                + "To: <sip:1002@hotline.test>\r\nFrom: <sip:1001@hotline.test>;tag=a1\r\nCall-ID: call-1\r\n"
                + "CSeq: 1 INVITE\r\nContact: <sip:aaaa@h.invalid;transport=ws>\r\nContent-Length: 0\r\n\r\n";
        a.send(invite);
        SipMessage atB = b.next();
        assertThat(atB.render()).as("forwarded unchanged").isEqualTo(invite);
        b.send(atB.reply(200, "OK", "b1", java.util.List.of(new SipMessage.Header("Contact",
                "<sip:bbbb@h.invalid;transport=ws>"))).render());
        SipMessage answer = a.next();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.method()).isEqualTo("INVITE");

        b.send("BYE sip:aaaa@h.invalid;transport=ws SIP/2.0\r\nVia: SIP/2.0/WS h.invalid;branch=z9hG4bKbye1\r\n"
                + "To: <sip:1001@hotline.test>;tag=a1\r\nFrom: <sip:1002@hotline.test>;tag=b1\r\nCall-ID: call-1\r\n"
                + "CSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n");
        assertThat(a.next().method()).as("in-dialog request routed by the Contact's user").isEqualTo("BYE");
    }

    @Test
    void anUnknownExtensionShouldGet404AndAClosedConnectionUnregisters() throws Exception {
        Client a = new Client();
        a.send(register("1001", "aaaa"));
        a.next();
        a.send("INVITE sip:1999@hotline.test SIP/2.0\r\nVia: SIP/2.0/WS h.invalid;branch=z9hG4bKx\r\n"
                + "To: <sip:1999@hotline.test>\r\nFrom: <sip:1001@hotline.test>;tag=a1\r\nCall-ID: c2\r\n"
                + "CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n");
        assertThat(a.next().status()).isEqualTo(404);
        a.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (relay.isRegistered("1001") && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(relay.isRegistered("1001")).isFalse();
    }

    @Test
    void aHandshakeWithoutTheSipSubprotocolShouldBeRefused() {
        assertThatThrownBy(() -> http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + relay.port()), new WebSocket.Listener() { }).join())
                .hasStackTraceContaining("status code 400");
    }
}
