package org.hotline81890.gateway.channel.smpp.intake;

import org.hotline81890.gateway.sms.DeliveryReceipt;

/**
 * Driven port: applies a delivery receipt to the outbox row whose submit returned {@link
 * DeliveryReceipt#messageId()}. Idempotent (receipts are redelivered too). Return {@code Committed} also when
 * no row matches (an unknown id must not be redelivered forever); {@code Retry} only when storage is down.
 */
@FunctionalInterface
public interface ReceiptHandler {
    InboundOutcome handle(DeliveryReceipt receipt);
}
