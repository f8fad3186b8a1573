package org.hotline81890.gateway.channel.smpp.intake;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline81890.gateway.channel.smpp.pdu.InboundSms;
import org.hotline81890.gateway.sms.DeliveryReceipt;

/**
 * In-memory {@link InboundSmsHandler} and {@link ReceiptHandler}: idempotent on the key like the real store,
 * records every call. {@code retriesLeft} answers Retry that many times first (storage down).
 */
public final class RecordingInboundHandler implements InboundSmsHandler, ReceiptHandler {
    public final List<InboundSms> calls = new CopyOnWriteArrayList<>();
    public final Map<String, InboundSms> committed = new ConcurrentHashMap<>();
    public final List<DeliveryReceipt> receipts = new CopyOnWriteArrayList<>();
    public final AtomicInteger retriesLeft = new AtomicInteger();
    public final AtomicInteger retried = new AtomicInteger();
    private final AtomicInteger tickets = new AtomicInteger(100);

    @Override
    public InboundOutcome handle(InboundSms sms) {
        calls.add(sms);
        if (retriesLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            retried.incrementAndGet();
            return new InboundOutcome.Retry("storage down (test)");
        }
        committed.putIfAbsent(sms.idempotencyKey(), sms);
        return new InboundOutcome.Committed("T" + tickets.incrementAndGet());
    }

    @Override
    public InboundOutcome handle(DeliveryReceipt receipt) {
        receipts.add(receipt);
        return new InboundOutcome.Committed(receipt.messageId());
    }

    public List<String> committedTexts() {
        return committed.values().stream().map(InboundSms::text).toList();
    }
}
