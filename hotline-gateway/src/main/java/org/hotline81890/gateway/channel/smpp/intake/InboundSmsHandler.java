package org.hotline81890.gateway.channel.smpp.intake;

import org.hotline81890.gateway.channel.smpp.pdu.InboundSms;

/**
 * Driven port: commits a resident's (or partner's) SMS as, or onto, a work order. Called on a virtual thread;
 * may block on JDBC. Must be idempotent on {@link InboundSms#idempotencyKey()}: the same key again returns the
 * same {@link InboundOutcome.Committed} without a second work order. Throwing is treated like
 * {@link InboundOutcome.Retry}.
 */
@FunctionalInterface
public interface InboundSmsHandler {
    InboundOutcome handle(InboundSms sms);
}
