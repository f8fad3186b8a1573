package org.hotline81890.gateway.delivery;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hotline81890.gateway.channel.smpp.pdu.OutboundPart;
import org.hotline81890.gateway.channel.smpp.session.OutboundSms;
import org.hotline81890.gateway.channel.smpp.session.SmsSubmitter;
import org.hotline81890.gateway.channel.smpp.session.SubmitResult;
import org.hotline81890.gateway.sms.ReplyKey;
import org.hotline81890.gateway.sms.SmsPreferences;
import org.hotline81890.gateway.sms.SubmissionLog;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows of kind {@code sms}: splits the text (UCS-2 with UDH, reference = row id mod 256) and
 * submits the parts the {@link SubmissionLog} does not list yet, recording each accepted part with its message id
 * at once. A row retried after a crash or a transient failure therefore never sends an accepted part again (the
 * one window left: a crash between the SMSC's submit_sm_resp and that record). Rows for residents who sent TD are
 * dropped, except replies to their own texts ({@link ReplyKey}).
 */
public final class SmsDelivery implements OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(SmsDelivery.class);

    private final SmsSubmitter submitter;
    private final SubmissionLog log;
    private final SmsPreferences preferences;

    public SmsDelivery(SmsSubmitter submitter, SubmissionLog log, SmsPreferences preferences) {
        this.submitter = Objects.requireNonNull(submitter, "submitter");
        this.log = Objects.requireNonNull(log, "log");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
    }

    @Override
    public DeliveryOutcome deliver(OutboxEntry entry) {
        String to = entry.message().destination();
        if (!ReplyKey.isReply(entry.message().dedupeKey()) && !preferences.notificationsOn(to)) {
            LOG.info("SMS to {} not sent: notifications stopped (TD)", PhoneNumbers.mask(to));
            return new DeliveryOutcome.Confirmed("suppressed: the resident stopped notifications");
        }
        if (entry.message().payload().isEmpty()) {
            return new DeliveryOutcome.Rejected("empty SMS text");
        }
        OutboundSms sms = new OutboundSms(to, entry.message().payload(), (int) (entry.id() & 0xFF), true);
        List<OutboundPart> parts = submitter.split(sms);
        // The relay counts the claim before delivering: a first attempt has no submission logged yet (one read less
        // per row); a crash after a submission leaves the row to a later claim, attempt 2 or more, which reads.
        Map<Integer, String> done = entry.attempts() > 1 ? log.accepted(entry.id()) : Map.of();
        for (int n = 1; n <= parts.size(); n++) {
            if (done.containsKey(n)) {
                continue;
            }
            switch (submitter.submitPart(sms, parts.get(n - 1))) {
                case SubmitResult.Sent sent -> log.recordAccepted(entry.id(), n, parts.size(),
                        sent.messageIds().get(0), to);
                case SubmitResult.Failed f -> {
                    return f.retryable() ? new DeliveryOutcome.Retry(f.reason())
                            : new DeliveryOutcome.Rejected(f.reason());
                }
            }
        }
        LOG.debug("SMS row {} submitted in {} parts ({} before)", entry.id(), parts.size(), done.size());
        return new DeliveryOutcome.Confirmed(parts.size() + " part(s) accepted by the SMSC");
    }
}
