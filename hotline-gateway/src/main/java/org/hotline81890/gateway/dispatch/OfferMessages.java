package org.hotline81890.gateway.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hotline81890.gateway.voice.OriginateRequest;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.Wording;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.privacy.JobDetails;
import org.hotline81890.partners.privacy.JobView;
import org.hotline81890.partners.privacy.JobViews;
import org.hotline81890.partners.webhook.WebhookEvent;
import org.hotline81890.partners.webhook.WebhookPayload;

/**
 * The outbox rows the partner network writes: the offer to the provider (signed webhook if it has one, otherwise
 * an SMS), and the short SMS to the resident at each step that matters. Bodies are built from the provider's
 * {@link JobView} only, so an offer never carries the resident's number or address.
 */
public final class OfferMessages {
    private final Clock clock;
    private final boolean surveyByCall;

    /** The survey goes by SMS. */
    public OfferMessages(Clock clock) {
        this(clock, false);
    }

    /**
     * {@code surveyByCall}: residents who prefer calls get the survey as an IVR callback (an {@code originate} row
     * for AMI) instead of the SMS; true only when both {@code partners.survey-by-call} and {@code ami.enabled} are.
     */
    public OfferMessages(Clock clock, boolean surveyByCall) {
        this.clock = clock;
        this.surveyByCall = surveyByCall;
    }

    public List<OutboxMessage> offer(Offer offer, Provider provider, WorkOrder w, JobDetails details) {
        JobView view = JobViews.forProvider(offer, details);
        List<OutboxMessage> rows = new ArrayList<>();
        if (provider.contact().webhook().isPresent()) {
            WebhookPayload p = WebhookPayload.of(WebhookEvent.OFFERED, view, 0, clock.instant());
            rows.add(new OutboxMessage(OutboxMessage.WEBHOOK, provider.id().value(), p.json(), p.idempotencyKey()));
        } else if (provider.contact().sms().isPresent() && view instanceof JobView.Restricted r) {
            String ticket = Wording.ticket(w.ticket());
            String text = Wording.SIGN + "新工单" + ticket + "：" + r.serviceName() + "，" + r.area() + "。请于"
                    + local(offer) + "前回复“接单" + ticket + "”或“拒单" + ticket + " 原因”"
                    + offer.handleBy().map(at -> "，办结期限" + local(at)).orElse("") + "。";
            rows.add(new OutboxMessage(OutboxMessage.SMS, provider.contact().sms().get().value(), text,
                    "offer-sms:" + offer.id().value()));
        }
        return rows;
    }

    /**
     * A reminder of an open offer (answer by its accept deadline) or of an accepted transfer (complete by its
     * handling deadline). {@code sequence} (1, 2, …) tells reminders of one offer apart in the idempotency key.
     */
    public List<OutboxMessage> reminder(Offer offer, Provider provider, WorkOrder w, JobDetails details,
                                        int sequence) {
        JobView view = JobViews.forProvider(offer, details);
        if (provider.contact().webhook().isPresent()) {
            WebhookPayload p = WebhookPayload.of(WebhookEvent.REMINDER, view, sequence, clock.instant());
            return List.of(new OutboxMessage(OutboxMessage.WEBHOOK, provider.id().value(), p.json(),
                    p.idempotencyKey()));
        }
        String ticket = Wording.ticket(w.ticket());
        String text = offer.handleBy().isPresent() && offer.state().isActiveJob()
                ? Wording.SIGN + "提醒：转办工单" + ticket + "请于" + local(offer.handleBy().get()) + "前办结；"
                        + "如需延期请在截止前申请。"
                : Wording.SIGN + "提醒：新工单" + ticket + "尚未答复，请于" + local(offer.acceptBy()) + "前回复“接单"
                        + ticket + "”或“拒单" + ticket + " 原因”。";
        return providerSms(provider, text, "reminder-sms:" + offer.id().value() + ":" + sequence);
    }

    /** The offer was withdrawn (order cancelled, escalated or reassigned): the provider must not act on it. */
    public List<OutboxMessage> cancelled(Offer offer, Provider provider, WorkOrder w, JobDetails details) {
        JobView view = JobViews.forProvider(offer, details);
        if (provider.contact().webhook().isPresent()) {
            WebhookPayload p = WebhookPayload.of(WebhookEvent.CANCELLED, view, 0, clock.instant());
            return List.of(new OutboxMessage(OutboxMessage.WEBHOOK, provider.id().value(), p.json(),
                    p.idempotencyKey()));
        }
        return providerSms(provider, Wording.SIGN + "工单" + Wording.ticket(w.ticket()) + "已撤回，无需再处理，谢谢。",
                "cancel-sms:" + offer.id().value());
    }

    /** A supervisor decided on the department's extension request (a text when the department has a number). */
    public List<OutboxMessage> extensionDecided(Offer offer, Provider provider, WorkOrder w, long request,
                                                boolean approved, String why) {
        String ticket = Wording.ticket(w.ticket());
        String text = approved
                ? Wording.SIGN + "工单" + ticket + "的延期申请已批准，办理期限延至" + offer.handleBy().map(Wording::time)
                        .orElse("（未定）") + "。"
                : Wording.SIGN + "工单" + ticket + "的延期申请未获批准" + (why.isBlank() ? "" : "：" + why.strip())
                        + "，请按原期限" + offer.handleBy().map(Wording::time).orElse("") + "前办结。";
        return providerSms(provider, text, "extension-sms:" + request);
    }

    private static List<OutboxMessage> providerSms(Provider provider, String text, String key) {
        return provider.contact().sms()
                .map(n -> List.of(new OutboxMessage(OutboxMessage.SMS, n.value(), text, key)))
                .orElseGet(List::of);
    }

    /**
     * After acceptance: the resident learns who will come, and that the provider calls through the hotline (the
     * provider never sees the number: {@code call-resident} bridges the call, showing 81890).
     */
    public List<OutboxMessage> accepted(Offer offer, Provider provider, WorkOrder w) {
        return resident(w, "accepted:" + offer.id().value(), Wording.SIGN + "您的工单" + Wording.ticket(w.ticket())
                + "已由" + provider.name() + "受理，对方将通过81890热线与您联系，来电显示81890，请留意接听。");
    }

    public List<OutboxMessage> started(Offer offer, WorkOrder w) {
        return resident(w, "started:" + offer.id().value(), Wording.SIGN + "您的工单" + Wording.ticket(w.ticket())
                + "：服务人员已出发，请保持电话畅通。");
    }

    /**
     * Nobody (else) can take the job: the order goes to the supervisors' 督办 list, and the resident is told so
     * instead of waiting for a contact that will not come. {@code reopened}: after 不满意, "no other provider".
     */
    public List<OutboxMessage> noProvider(WorkOrder w, boolean reopened) {
        return resident(w, "no-provider:" + w.id().value() + ":" + w.version(),
                Wording.SIGN + "很抱歉，工单" + Wording.ticket(w.ticket())
                + (reopened ? "暂无其他服务单位可以承接" : "暂无服务单位可以承接") + "，已提交督办，工作人员将尽快与您联系。");
    }

    /**
     * Nobody who could take it works now (night, weekend): the resident is told when it will be offered, so silence
     * until then is expected (ADR 0019).
     */
    public List<OutboxMessage> held(WorkOrder w, Instant offerAt) {
        return resident(w, "held:" + w.id().value() + ":" + w.version(),
                Wording.SIGN + "您的工单" + Wording.ticket(w.ticket())
                + "已受理。相关服务单位目前不在工作时间，将于" + Wording.time(offerAt) + "上班后为您派单，届时会与您联系。"
                + "如情况紧急请致电81890。");
    }

    /** The resident's address, given after the provider accepted: the provider holding the job is told. */
    public List<OutboxMessage> addressAdded(Offer offer, Provider provider, WorkOrder w, String address) {
        return providerSms(provider, Wording.SIGN + "工单" + Wording.ticket(w.ticket()) + "居民补充地址：" + address
                + "。", "address-sms:" + offer.id().value() + ":" + w.version());
    }

    /**
     * The survey after completion; the resident's answer 1/2/3 goes to the survey use case. A resident who prefers
     * calls (see {@link #prefersCall}) gets an IVR callback ({@code agi://HOST/survey}), everyone else an SMS; no
     * answer either way closes the order as "no reply" when {@code sla.survey-wait} runs out.
     */
    public List<OutboxMessage> survey(Offer offer, WorkOrder w) {
        if (surveyByCall && prefersCall(w)) {
            return List.of(OriginateRequest.surveyCallback(w));
        }
        return resident(w, "survey:" + offer.id().value(), Wording.SIGN + "您的工单" + Wording.ticket(w.ticket())
                + "已办结。请对本次服务评价：回复1满意 2基本满意 3不满意。");
    }

    /**
     * The preference rule: a resident prefers calls when the work order came in by phone (they called 81890, so
     * they can be called back) and the number is one a callback can dial; SMS, web and agent-entered requests get
     * the SMS survey.
     */
    static boolean prefersCall(WorkOrder w) {
        return w.channel() == Channel.PHONE && w.callerNumber().matches("[0-9+]{3,32}");
    }

    private static List<OutboxMessage> resident(WorkOrder w, String key, String text) {
        if (w.callerNumber().equals("anonymous")) {
            return List.of();
        }
        return List.of(new OutboxMessage(OutboxMessage.SMS, w.callerNumber(), text, "resident-" + key));
    }

    private static String local(Offer offer) {
        return local(offer.acceptBy());
    }

    private static String local(Instant at) {
        return Wording.time(at);
    }
}
