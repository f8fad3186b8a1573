package org.hotline81890.gateway.channel.smpp.session;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.hotline81890.gateway.channel.smpp.intake.InboundOutcome;
import org.hotline81890.gateway.channel.smpp.intake.InboundSmsHandler;
import org.hotline81890.gateway.channel.smpp.intake.QueuedInboundSmsHandler;
import org.hotline81890.gateway.channel.smpp.intake.Reassembler;
import org.hotline81890.gateway.channel.smpp.intake.ReceiptHandler;
import org.hotline81890.gateway.channel.smpp.pdu.DeliverSmReader;
import org.hotline81890.gateway.channel.smpp.pdu.IncomingPdu;
import org.hotline81890.gateway.diagnostics.StageTimes;
import org.hotline81890.gateway.sms.PartKey;
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
 * Glue between jSMPP and the ports. No deliver_sm holds a jSMPP thread: each is handled on a virtual thread from
 * {@code virtualThreads} (a one-part text for a {@link QueuedInboundSmsHandler}, the journal, is only queued, and
 * answered by the thread that commits it) and its answer is {@link Deferral deferred} (in production
 * {@link DeferredResponses}, whose sender holds the deliver_sm_resp back until then). The answer is OK only after
 * the handler said {@link InboundOutcome.Committed}, or after a part of a long message was staged durably; it is
 * ESME_RX_T_APPN (the SMSC delivers again) on {@link InboundOutcome.Retry} or an exception, and for staging parts
 * and receipts also when they take longer than {@code handlerTimeout}. A one-part text's one long wait, the group
 * commit, is bounded by the group-committing store, which answers "retry" when it runs out. No jSMPP thread is
 * parked until a commit.
 */
public final class DeliverSmListener implements MessageReceiverListener {
    private static final Logger LOG = LoggerFactory.getLogger(DeliverSmListener.class);

    /** Where the answer to a deliver_sm goes: the listener returns before it is known. */
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
        Optional<Integer> refused = Refusals.PROCESS.of(pdu);
        if (refused.isPresent()) {
            throw new ProcessRequestException("deliver_sm cannot be read", refused.get());
        }
        IncomingPdu in = reader.read(pdu, clock.instant());
        try {
            switch (in) {
                case IncomingPdu.Receipt r -> defer(pdu.getSequenceNumber(), "receipt", true,
                        () -> status(receipts.handle(r.receipt()), "receipt"));
                case IncomingPdu.UnreadableReceipt u -> LOG.warn("Delivery receipt ignored: {}", u.reason());
                case IncomingPdu.Refused r -> {
                    LOG.warn("deliver_sm refused with status 0x{}: {}", Integer.toHexString(r.status()), r.reason());
                    throw new ProcessRequestException(r.reason(), r.status());
                }
                case IncomingPdu.MoPart part when !part.isMultipart() -> {
                    // Nearly every text: nothing to reassemble or stage, bounded by the group commit.
                    Reassembler.Ready r = reassembler.accept(part).orElseThrow();
                    if (inbound instanceof QueuedInboundSmsHandler queued) {
                        // the journal: answered by the thread that commits it, no thread per text (docs/sms.md)
                        deferral.defer(pdu.getSequenceNumber(), queued.submit(r.sms()).handle((outcome, failure) ->
                                failure == null ? status(outcome, "inbound SMS") : retry(failure)));
                    } else {
                        defer(pdu.getSequenceNumber(), "inbound SMS", false,
                                () -> status(inbound.handle(r.sms()), "inbound SMS"));
                    }
                }
                case IncomingPdu.MoPart part -> defer(pdu.getSequenceNumber(), "message part", true,
                        () -> onMessagePart(part));
            }
        } finally {
            StageTimes.since(StageTimes.Stage.LISTENER, start);
        }
    }

    /** A part of a long message: staged, or the last one, when the whole message is handled. */
    private int onMessagePart(IncomingPdu.MoPart part) {
        Optional<Reassembler.Ready> ready = reassembler.accept(part);
        if (ready.isEmpty()) {
            LOG.debug("Part staged, waiting for the rest of the message");
            return SMPPConstant.STAT_ESME_ROK;
        }
        Reassembler.Ready r = ready.get();
        int status = status(inbound.handle(r.sms()), "inbound SMS");
        if (status == SMPPConstant.STAT_ESME_ROK) {
            r.staged().ifPresent(this::forget);
        }
        return status;
    }

    private void forget(PartKey key) {
        try {
            reassembler.done(key);
        } catch (RuntimeException e) {
            // Committed already; the sweeper's retry finds the same idempotency key, so nothing is duplicated.
            LOG.warn("Staged parts not deleted yet: {}", e.getMessage());
        }
    }

    private static int retry(Throwable failure) {
        LOG.warn("inbound SMS failed, the SMSC will retry", failure);
        return SMPPConstant.STAT_ESME_RX_T_APPN;
    }

    private static int status(InboundOutcome outcome, String what) {
        return switch (outcome) {
            case InboundOutcome.Committed c -> {
                LOG.debug("{} committed as {}", what, c.ticketOrRef());
                yield SMPPConstant.STAT_ESME_ROK;
            }
            case InboundOutcome.Retry retry -> {
                LOG.debug("{} not committed, the SMSC will retry: {}", what, retry.reason());
                yield SMPPConstant.STAT_ESME_RX_T_APPN;
            }
        };
    }

    /**
     * Runs {@code work} on a virtual thread and defers the answer to its status; an exception answers
     * ESME_RX_T_APPN, and so does a {@code bounded} work still running after {@code handlerTimeout}.
     */
    private void defer(int sequence, String what, boolean bounded, Supplier<Integer> work)
            throws ProcessRequestException {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        long submitted = System.nanoTime();
        try {
            virtualThreads.execute(() -> {
                StageTimes.since(StageTimes.Stage.DISPATCH, submitted);
                int answer;
                try {
                    answer = work.get();
                } catch (RuntimeException e) {
                    LOG.warn("{} failed, the SMSC will retry", what, e);
                    answer = SMPPConstant.STAT_ESME_RX_T_APPN;
                } catch (Throwable t) {
                    status.completeExceptionally(t);
                    throw t;
                }
                if (!status.complete(answer)) {
                    LOG.warn("{} took longer than {}; answered retry, it ended with status {}", what,
                            handlerTimeout, answer);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new ProcessRequestException(what + " not taken (shutting down)",
                    SMPPConstant.STAT_ESME_RX_T_APPN, e);
        }
        deferral.defer(sequence, bounded ? status.completeOnTimeout(SMPPConstant.STAT_ESME_RX_T_APPN,
                handlerTimeout.toMillis(), TimeUnit.MILLISECONDS) : status);
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        LOG.debug("alert_notification ignored");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        Optional<Integer> refused = Refusals.PROCESS.of(dataSm);
        if (refused.isPresent()) {
            throw new ProcessRequestException("data_sm cannot be read", refused.get());
        }
        LOG.warn("data_sm refused: this ESME takes mobile-originated messages as deliver_sm");
        throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
