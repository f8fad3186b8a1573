package org.hotline81890.simulators.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** REGISTER with digest authentication, as PJSIP's auth_type=userpass asks it of a browser phone. */
class DigestAuthTest {
    private static final Pattern NONCE = Pattern.compile("nonce=\"([0-9a-f]+)\"");
    private final HttpClient http = HttpClient.newHttpClient();
    private SipWebSocketRelay relay;

    @BeforeEach
    void start() throws Exception {
        relay = SipWebSocketRelay.start("127.0.0.1", 0, Map.of("1001", "sip-secret"));
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    @Test
    void theResponseIsRfc2617sExample() {
        assertThat(DigestAuth.response("Mufasa", "Circle Of Life", "testrealm@host.com", "GET", "/dir/index.html",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth", "00000001", "0a4f113b"))
                .isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void aRegisterIsChallengedThenAcceptedWithThePasswordsAnswer() throws Exception {
        SipTestClient a = new SipTestClient(http, relay.port());
        a.send(register("1001", "aaaa", 1, ""));
        SipMessage challenge = a.next();
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.header("www-authenticate").orElseThrow()).startsWith("Digest ")
                .contains("realm=\"hotline\"", "qop=\"auth\"", "algorithm=MD5");
        assertThat(relay.isRegistered("1001")).isFalse();

        a.send(register("1001", "aaaa", 2, authorization("1001", "sip-secret", nonce(challenge))));
        assertThat(a.next().status()).isEqualTo(200);
        assertThat(relay.isRegistered("1001")).isTrue();
    }

    @Test
    void aWrongPasswordOrAnInventedNonceIsNotRegistered() throws Exception {
        SipTestClient a = new SipTestClient(http, relay.port());
        a.send(register("1001", "aaaa", 1, ""));
        String nonce = nonce(a.next());
        a.send(register("1001", "aaaa", 2, authorization("1001", "guessed", nonce)));
        assertThat(a.next().status()).isEqualTo(403);
        a.send(register("1001", "aaaa", 3, authorization("1001", "sip-secret", "00112233445566778899aabbccddeeff")));
        assertThat(a.next().status()).as("a nonce the relay never issued is challenged again").isEqualTo(401);
        assertThat(relay.isRegistered("1001")).isFalse();
    }

    @Test
    void anExtensionWithoutAPasswordRegistersAsBefore() throws Exception {
        SipTestClient a = new SipTestClient(http, relay.port());
        a.send(register("1003", "cccc", 1, ""));
        assertThat(a.next().status()).isEqualTo(200);
        assertThat(relay.isRegistered("1003")).isTrue();
    }

    private static String nonce(SipMessage challenge) {
        Matcher m = NONCE.matcher(challenge.header("www-authenticate").orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String authorization(String user, String password, String nonce) {
        String uri = "sip:hotline.test";
        String response = DigestAuth.response(user, password, "hotline", "REGISTER", uri, nonce, "auth", "00000001",
                "c0ffee");
        return "Authorization: Digest algorithm=MD5, username=\"" + user + "\", realm=\"hotline\", nonce=\"" + nonce
                + "\", uri=\"" + uri + "\", response=\"" + response + "\", qop=auth, cnonce=\"c0ffee\", "
                + "nc=00000001\r\n";
    }

    private static String register(String ext, String contactUser, int cseq, String authorization) {
        return "REGISTER sip:hotline.test SIP/2.0\r\nVia: SIP/2.0/WS h.invalid;branch=z9hG4bKreg" + ext + cseq
                + "\r\nTo: <sip:" + ext + "@hotline.test>\r\nFrom: <sip:" + ext + "@hotline.test>;tag=r" + ext + "\r\n"
                + "Call-ID: reg-" + ext + "\r\nCSeq: " + cseq + " REGISTER\r\n" + authorization
                + "Contact: <sip:" + contactUser + "@h.invalid;transport=ws>;expires=300\r\nContent-Length: 0\r\n\r\n";
    }
}
