package org.hotline81890.gateway.channel.smpp.intake;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.hotline81890.gateway.channel.smpp.pdu.InboundSms;

/**
 * An {@link InboundSmsHandler} that takes a text without holding a thread until its commit: {@link #submit} queues
 * it and returns at once, and the outcome completes when the commit does (the SMS journal's appender, issue 18). The
 * deliver_sm listener answers such texts straight from the completing thread: no virtual thread per text, parked and
 * woken again around the commit.
 */
public interface QueuedInboundSmsHandler extends InboundSmsHandler {
    /** Queues {@code sms}; never blocks. The outcome completes (normally) once it is known. */
    CompletableFuture<InboundOutcome> submit(InboundSms sms);

    /** Waits for {@link #submit}'s outcome on the calling thread. */
    @Override
    default InboundOutcome handle(InboundSms sms) {
        try {
            return submit(sms).get();
        } catch (ExecutionException e) {
            return new InboundOutcome.Retry(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InboundOutcome.Retry("interrupted");
        }
    }
}
