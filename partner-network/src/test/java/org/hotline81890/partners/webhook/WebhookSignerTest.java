package org.hotline81890.partners.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookSignerTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_772_503_200L);
    private final WebhookSigner signer = new WebhookSigner("s3cret-partner-key-0001");

    @Test
    void signatureShouldMatchAnIndependentlyComputedHmac() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?" (the signer prefixes "ts.").
        WebhookSigner jefe = new WebhookSigner("Jefe");
        String expected = "v1=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        assertThat(jefe.sign(0, "x")).startsWith("v1=").hasSize(67);
        assertThat(hmacOfWholeMessage("Jefe", "what do ya want for nothing?")).isEqualTo(expected);
        assertThat(jefe.sign(1, "body")).isEqualTo(hmacOfWholeMessage("Jefe", "1.body"));
    }

    @Test
    void headersShouldCarryTimestampSignatureKeyAndEvent() {
        Map<String, String> headers = signer.headers(NOW, "{\"a\":1}", "o1:offer.offered", "offer.offered");
        assertThat(headers).containsEntry("X-Hotline-Timestamp", "1772503200")
                .containsEntry("Idempotency-Key", "o1:offer.offered")
                .containsEntry("X-Hotline-Event", "offer.offered")
                .containsEntry("X-Hotline-Signature", signer.sign(1_772_503_200L, "{\"a\":1}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "valid                    | 1772503200 | body | 0    | Valid",
        "clock skew within limit  | 1772502900 | body | 0    | Valid",
        "too old                  | 1772502899 | body | 0    | Stale",
        "too far in the future    | 1772503501 | body | 0    | Stale",
        "body changed             | 1772503200 | bodY | 0    | BadSignature",
        "timestamp changed        | 1772503201 | body | 0    | BadSignature",
        "other secret             | 1772503200 | body | 1    | BadSignature",
        "timestamp not a number   | 17725O3200 | body | 0    | Malformed",
    })
    void verifyShouldAcceptOnlyFreshUntamperedSignatures(String name, String sentTimestamp, String receivedBody,
            int otherSecret, String expected) {
        WebhookSigner sender = otherSecret == 1 ? new WebhookSigner("another-partner-secret") : signer;
        String signature = sender.sign(1_772_503_200L, "body");
        String headerTs = sentTimestamp;
        if (name.startsWith("clock") || name.startsWith("too")) {
            signature = sender.sign(Long.parseLong(sentTimestamp), "body");
        }
        WebhookSigner.Verification result = signer.verify(Optional.of(headerTs), Optional.of(signature), receivedBody,
                NOW, Duration.ofMinutes(5));
        assertThat(result.getClass().getSimpleName()).isEqualTo(expected);
    }

    @Test
    void duringASecretRotationEitherSecretShouldVerifyTheTwoValuedHeader() {
        WebhookSigner next = new WebhookSigner("whsec_the-new-secret-0123456789");
        long ts = NOW.getEpochSecond();
        String both = next.sign(ts, "{}") + "," + signer.sign(ts, "{}");
        assertThat(signer.verify(Optional.of(Long.toString(ts)), Optional.of(both), "{}", NOW, Duration.ofMinutes(5)))
                .isInstanceOf(WebhookSigner.Verification.Valid.class);
        assertThat(next.verify(Optional.of(Long.toString(ts)), Optional.of(both), "{}", NOW, Duration.ofMinutes(5)))
                .isInstanceOf(WebhookSigner.Verification.Valid.class);
        assertThat(new WebhookSigner("whsec_a-third-secret-0123456789").verify(Optional.of(Long.toString(ts)),
                Optional.of(both), "{}", NOW, Duration.ofMinutes(5)))
                .isInstanceOf(WebhookSigner.Verification.BadSignature.class);
    }

    @Test
    void missingHeadersShouldBeNamed() {
        assertThat(signer.verify(Optional.empty(), Optional.of("v1=00"), "b", NOW, Duration.ofMinutes(5)))
                .isEqualTo(new WebhookSigner.Verification.Missing("X-Hotline-Timestamp"));
        assertThat(signer.verify(Optional.of("1"), Optional.empty(), "b", NOW, Duration.ofMinutes(5)))
                .isEqualTo(new WebhookSigner.Verification.Missing("X-Hotline-Signature"));
    }

    private static String hmacOfWholeMessage(String key, String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return "v1=" + java.util.HexFormat.of().formatHex(
                    mac.doFinal(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
