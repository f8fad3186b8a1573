package org.hotline81890.gateway.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.hotline81890.gateway.channel.smpp.pdu.DeliverSmReader;
import org.hotline81890.gateway.channel.smpp.pdu.InboundSms;

/**
 * Derives {@link InboundSms#idempotencyKey()}, the same for every redelivery of one message:
 * <ul>
 *   <li>{@code smsc:<smsc>:<id>} when the SMSC put its own message id on the (first) PDU;</li>
 *   <li>else {@code sms:} + SHA-256 (hex) over source, destination, the whole reassembled text, and the
 *       first part's SMSC-provided header fields ({@link DeliverSmReader} fingerprint: service_type, TON/NPI,
 *       esm_class, protocol_id, priority, schedule/validity, registered_delivery, data_coding and the
 *       concatenation reference/total). An incomplete message (timeout) also hashes how many parts arrived.</li>
 * </ul>
 * Without an SMSC id, the same text sent twice by one phone with identical headers cannot be told from a
 * redelivery; the store should therefore keep hash keys unique only within a dedup window (e.g. 24 h).
 */
public final class IdempotencyKeys {
    private IdempotencyKeys() {
    }

    public static String of(String smscName, Optional<String> smscMessageId, String source, String destination,
            String text, String firstPartFingerprint, String completeness) {
        if (smscMessageId.isPresent()) {
            return "smsc:" + smscName + ":" + smscMessageId.get();
        }
        return "sms:" + sha256(String.join("\u0000", source, destination, text, firstPartFingerprint, completeness));
    }

    private static String sha256(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
