package org.hotline81890.gateway.channel.smpp;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Glue between jSMPP and the ports. Returns normally (so jSMPP answers deliver_sm_resp OK) only after the
 * handler said {@link InboundOutcome.Committed}, or after a part of a long message was staged durably. On
 * {@link InboundOutcome.Retry}, an exception or a handler slower than {@code handlerTimeout} it throws
 * {@link ProcessRequestException} with ESME_RX_T_APPN so the SMSC delivers again. Staging and completing the parts
 * of a long message and receipts run on virtual threads from {@code virtualThreads}, each bounded by
 * {@code handlerTimeout}, while the jSMPP thread waits.
 * <p>A one-part text (nearly every message) does not hold the jSMPP thread: it is handled on a virtual thread and
 * its answer is {@link Deferral deferred} (in production {@link DeferredResponses}): OK once the handler said
 * Committed, ESME_RX_T_APPN on Retry or an exception. The handler's one long wait, the group commit, is bounded
 * ({@link GroupCommitStore}) and answers "retry" when it runs out. Parking a platform thread per message until its
 * commit and waking it afterwards cost two thread switches and a socket write per message.
 */
public final class DeliverSmListener implements MessageReceiverListener {
    private static final Logger LOG = LoggerFactory.getLogger(DeliverSmListener.class);

    /** Where the answer to a deliver_sm goes when the listener returns before it is known. */
    @FunctionalInterface
    public interface Deferral {
        /** The answer to deliver_sm {@code sequence} is {@code status} (a command status) once it completes. */
        void defer(int sequence, CompletionStage<Integer> status);
    }

    private final DeliverSmReader reader;
    private final Reassembler reassembler;
    private final InboundSmsHandler inbound;
    private final ReceiptHandler receipts;
    private final ExecutorService virtualThreads;
    private final Clock clock;
    private final Duration handlerTimeout;
    private final Deferral deferral;

    public DeliverSmListener(DeliverSmReader reader, Reassembler reassembler, InboundSmsHandler inbound,
            ReceiptHandler receipts, ExecutorService virtualThreads, Clock clock, Duration handlerTimeout,
            Deferral deferral) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.reassembler = Objects.requireNonNull(reassembler, "reassembler");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.virtualThreads = Objects.requireNonNull(virtualThreads, "virtualThreads");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.handlerTimeout = Objects.requireNonNull(handlerTimeout, "handlerTimeout");
        this.deferral = Objects.requireNonNull(deferral, "deferral");
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm pdu) throws ProcessRequestException {
        long start = System.nanoTime();
        if (DeferredResponses.clear()) {
            LOG.error("A deferred deliver_sm_resp was never picked up: this session is not built with "
                    + "DeferredResponses.sender()");
        }
        IncomingPdu in = reader.read(pdu, clock.instant());
        try {
            switch (in) {
                case IncomingPdu.Receipt r -> require(call(() -> receipts.handle(r.receipt()), "receipt"), "receipt");
                case IncomingPdu.UnreadableReceipt u -> LOG.warn("Delivery receipt ignored: {}", u.reason());
                case IncomingPdu.MoPart part -> onMessagePart(part, pdu.getSequenceNumber());
            }
        } finally {
            StageTimes.since(StageTimes.Stage.LISTENER, start);
        }
    }

    private void onMessagePart(IncomingPdu.MoPart part, int sequence) throws ProcessRequestException {
        if (!part.isMultipart()) {
            Reassembler.Ready r = reassembler.accept(part).orElseThrow();
            CompletableFuture<Integer> status = new CompletableFuture<>();
            long submitted = System.nanoTime();
            try {
                virtualThreads.execute(() -> {
                    StageTimes.since(StageTimes.Stage.DISPATCH, submitted);
                    try {
                        status.complete(statusOf(r.sms()));
                    } catch (Throwable t) {
                        status.completeExceptionally(t);
                        throw t;
                    }
                });
            } catch (RejectedExecutionException e) {
                throw retryable("inbound SMS not taken (shutting down)", e);
            }
            deferral.defer(sequence, status);
            return;
        }
        Optional<Reassembler.Ready> ready = call(() -> reassembler.accept(part), "staging a part");
        if (ready.isEmpty()) {
            LOG.debug("Part staged, waiting for the rest of the message");
            return;
        }
        Reassembler.Ready r = ready.get();
        require(call(() -> inbound.handle(r.sms()), "inbound SMS"), "inbound SMS");
        r.staged().ifPresent(key -> forget(key));
    }

    private void forget(PartKey key) {
        try {
            call(() -> {
                reassembler.done(key);
                return key;
            }, "forgetting staged parts");
        } catch (ProcessRequestException e) {
            // Committed already; the sweeper's retry finds the same idempotency key, so nothing is duplicated.
            LOG.warn("Staged parts not deleted yet: {}", e.getMessage());
        }
    }

    private static void require(InboundOutcome outcome, String what) throws ProcessRequestException {
        switch (outcome) {
            case InboundOutcome.Committed c -> LOG.debug("{} committed as {}", what, c.ticketOrRef());
            case InboundOutcome.Retry retry -> throw new ProcessRequestException(
                    what + " not committed: " + retry.reason(), SMPPConstant.STAT_ESME_RX_T_APPN);
        }
    }

    private <T> T call(Callable<T> work, String what) throws ProcessRequestException {
        long submitted = System.nanoTime();
        Future<T> f = virtualThreads.submit(() -> {
            StageTimes.since(StageTimes.Stage.DISPATCH, submitted);
            return work.call();
        });
        try {
            return f.get(handlerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw retryable(what + " interrupted", e);
        } catch (ExecutionException e) {
            LOG.warn("{} failed, the SMSC will retry", what, e.getCause());
            throw retryable(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            LOG.warn("{} took longer than {}, the SMSC will retry", what, handlerTimeout);
            throw retryable(what + " timed out", e);
        }
    }

    /** The command status that answers a one-part text: the handler's outcome, failures mapped as in {@link #call}. */
    private int statusOf(InboundSms sms) {
        try {
            return switch (inbound.handle(sms)) {
                case InboundOutcome.Committed c -> {
                    LOG.debug("inbound SMS committed as {}", c.ticketOrRef());
                    yield SMPPConstant.STAT_ESME_ROK;
                }
                case InboundOutcome.Retry retry -> {
                    LOG.debug("inbound SMS not committed, the SMSC will retry: {}", retry.reason());
                    yield SMPPConstant.STAT_ESME_RX_T_APPN;
                }
            };
        } catch (RuntimeException e) {
            LOG.warn("inbound SMS failed, the SMSC will retry", e);
            return SMPPConstant.STAT_ESME_RX_T_APPN;
        }
    }

    private static ProcessRequestException retryable(String message, Throwable cause) {
        return new ProcessRequestException(message, SMPPConstant.STAT_ESME_RX_T_APPN, cause);
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        LOG.debug("alert_notification ignored");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        LOG.warn("data_sm refused: this ESME takes mobile-originated messages as deliver_sm");
        throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
