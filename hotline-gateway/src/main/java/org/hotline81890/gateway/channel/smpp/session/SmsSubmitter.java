package org.hotline81890.gateway.channel.smpp.session;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.gateway.channel.smpp.pdu.OutboundPart;
import org.hotline81890.gateway.channel.smpp.pdu.OutboundSplitter;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an {@link OutboundSms} as submit_sm parts over the bound transmitters, round robin. Per bind: a rate
 * limit ({@code submit-rate}) and a window of outstanding submit_sm ({@code window}, a semaphore shared by all
 * virtual threads calling {@link #submit}). Throttling (ESME_RTHROTTLED, ESME_RMSGQFUL), ESME_RSYSERR,
 * timeouts and lost binds are retried with capped exponential backoff up to {@code maxAttempts} per part.
 * Call from virtual threads: it blocks.
 */
public final class SmsSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(SmsSubmitter.class);

    private record Lane(SmppBind bind, Semaphore window, RateLimiter rate) {
    }

    private sealed interface Attempt {
        record Ok(String messageId) implements Attempt { }

        record Transient(String reason) implements Attempt { }

        record Permanent(String reason) implements Attempt { }
    }

    private final List<Lane> lanes;
    private final OutboundSplitter splitter;
    private final int maxAttempts;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final AtomicInteger next = new AtomicInteger();

    public SmsSubmitter(List<SmppBind> binds, OutboundSplitter splitter, int maxAttempts, Duration retryInitial,
            Duration retryMax) {
        this.lanes = binds.stream().filter(b -> b.config().bindType().transmits())
                .map(b -> new Lane(b, new Semaphore(b.config().window(), true),
                        new RateLimiter(b.config().submitRate())))
                .toList();
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.maxAttempts = maxAttempts;
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("no transmitter or transceiver bind configured");
        }
    }

    public SubmitResult submit(OutboundSms sms) {
        List<OutboundPart> parts = splitter.split(sms.text(), sms.reference());
        List<String> ids = new ArrayList<>(parts.size());
        for (OutboundPart part : parts) {
            Attempt result = submitWithRetries(sms, part);
            switch (result) {
                case Attempt.Ok ok -> ids.add(ok.messageId());
                case Attempt.Transient t -> {
                    return new SubmitResult.Failed(t.reason(), true, ids);
                }
                case Attempt.Permanent p -> {
                    return new SubmitResult.Failed(p.reason(), false, ids);
                }
            }
        }
        return new SubmitResult.Sent(ids);
    }

    /** The parts {@code sms} is sent as (the same every time for the same text and reference). */
    public List<OutboundPart> split(OutboundSms sms) {
        return splitter.split(sms.text(), sms.reference());
    }

    /** Sends one part of {@code sms} (with retries): Sent with its one message id, or Failed. */
    public SubmitResult submitPart(OutboundSms sms, OutboundPart part) {
        return switch (submitWithRetries(sms, part)) {
            case Attempt.Ok ok -> new SubmitResult.Sent(List.of(ok.messageId()));
            case Attempt.Transient t -> new SubmitResult.Failed(t.reason(), true, List.of());
            case Attempt.Permanent p -> new SubmitResult.Failed(p.reason(), false, List.of());
        };
    }

    private Attempt submitWithRetries(OutboundSms sms, OutboundPart part) {
        Backoff backoff = new Backoff(retryInitial, retryMax);
        Attempt last = new Attempt.Transient("not tried");
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            last = submitOnce(sms, part);
            if (!(last instanceof Attempt.Transient t)) {
                return last;
            }
            LOG.warn("submit_sm attempt {}/{} failed, will retry: {}", attempt, maxAttempts, t.reason());
            if (attempt < maxAttempts) {
                sleep(backoff.next());
            }
        }
        return last;
    }

    private Attempt submitOnce(OutboundSms sms, OutboundPart part) {
        Optional<Lane> lane = pickLane();
        if (lane.isEmpty()) {
            return new Attempt.Transient("no bound transmitter");
        }
        Lane l = lane.get();
        try {
            l.window().acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt.Transient("interrupted");
        }
        try {
            l.rate().acquire();
            Optional<SMPPSession> session = l.bind().transmitter();
            if (session.isEmpty()) {
                return new Attempt.Transient("bind " + l.bind().config().name() + " lost");
            }
            return send(session.get(), l.bind().config(), sms, part);
        } finally {
            l.window().release();
        }
    }

    private static Attempt send(SMPPSession session, SmppBindConfig cfg, OutboundSms sms, OutboundPart part) {
        RegisteredDelivery receipt = new RegisteredDelivery(
                sms.requestReceipt() ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT);
        ESMClass esm = part.udhi() ? new ESMClass(0x40) : new ESMClass();
        try {
            String id = session.submitShortMessage(cfg.systemType(), TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, cfg.sourceAddress(), TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.ISDN, sms.destination(), esm, (byte) 0, (byte) 0, null, null, receipt,
                    (byte) 0, DataCodings.newInstance((byte) part.dataCoding()), (byte) 0, part.shortMessage())
                    .getMessageId();
            return new Attempt.Ok(id);
        } catch (NegativeResponseException e) {
            return classify(e.getCommandStatus());
        } catch (ResponseTimeoutException | IOException | InvalidResponseException e) {
            return new Attempt.Transient(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (PDUException e) {
            return new Attempt.Permanent("invalid PDU: " + e.getMessage());
        }
    }

    static boolean isTransientStatus(int status) {
        return status == SMPPConstant.STAT_ESME_RTHROTTLED || status == SMPPConstant.STAT_ESME_RMSGQFUL
                || status == SMPPConstant.STAT_ESME_RSYSERR || status == SMPPConstant.STAT_ESME_RX_T_APPN;
    }

    private static Attempt classify(int status) {
        String reason = "submit_sm_resp status 0x" + Integer.toHexString(status);
        return isTransientStatus(status) ? new Attempt.Transient(reason) : new Attempt.Permanent(reason);
    }

    private Optional<Lane> pickLane() {
        int n = lanes.size();
        int start = Math.floorMod(next.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            Lane l = lanes.get((start + i) % n);
            if (l.bind().transmitter().isPresent()) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    private static void sleep(Duration d) {
        try {
            TimeUnit.MILLISECONDS.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
