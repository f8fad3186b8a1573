package org.hotline81890.gateway.channel.smpp;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
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
 * {@link ProcessRequestException} with ESME_RX_T_APPN so the SMSC delivers again. A one-part text is handled on
 * the calling jSMPP thread; staging and completing the parts of a long message and receipts run on virtual threads
 * from {@code virtualThreads}, each bounded by {@code handlerTimeout}.
 */
public final class DeliverSmListener implements MessageReceiverListener {
    private static final Logger LOG = LoggerFactory.getLogger(DeliverSmListener.class);

    private final DeliverSmReader reader;
    private final Reassembler reassembler;
    private final InboundSmsHandler inbound;
    private final ReceiptHandler receipts;
    private final ExecutorService virtualThreads;
    private final Clock clock;
    private final Duration handlerTimeout;

    public DeliverSmListener(DeliverSmReader reader, Reassembler reassembler, InboundSmsHandler inbound,
            ReceiptHandler receipts, ExecutorService virtualThreads, Clock clock, Duration handlerTimeout) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.reassembler = Objects.requireNonNull(reassembler, "reassembler");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.virtualThreads = Objects.requireNonNull(virtualThreads, "virtualThreads");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.handlerTimeout = Objects.requireNonNull(handlerTimeout, "handlerTimeout");
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm pdu) throws ProcessRequestException {
        long start = System.nanoTime();
        IncomingPdu in = reader.read(pdu, clock.instant());
        try {
            switch (in) {
                case IncomingPdu.Receipt r -> require(call(() -> receipts.handle(r.receipt()), "receipt"), "receipt");
                case IncomingPdu.UnreadableReceipt u -> LOG.warn("Delivery receipt ignored: {}", u.reason());
                case IncomingPdu.MoPart part -> onMessagePart(part);
            }
        } finally {
            StageTimes.since(StageTimes.Stage.LISTENER, start);
        }
    }

    private void onMessagePart(IncomingPdu.MoPart part) throws ProcessRequestException {
        if (!part.isMultipart()) {
            // Nearly every text: nothing to reassemble, and handled right here on the session's PDU thread (a
            // platform thread that waits for the commit anyway before jSMPP may answer). A hop to a virtual thread
            // cost a thread start and two wake-ups per message, 12 % of the gateway's CPU in a flood; the handler's
            // one long wait, the group commit, is bounded (GroupCommitStore) and answers "retry" when it runs out.
            Reassembler.Ready r = reassembler.accept(part).orElseThrow();
            require(here(() -> inbound.handle(r.sms()), "inbound SMS"), "inbound SMS");
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

    /** {@code work} on this thread, failures mapped as {@link #call} maps them. */
    private static <T> T here(Callable<T> work, String what) throws ProcessRequestException {
        try {
            return work.call();
        } catch (Exception e) {
            LOG.warn("{} failed, the SMSC will retry", what, e);
            throw retryable(what + " failed: " + e, e);
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
