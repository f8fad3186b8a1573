package org.hotline81890.gateway.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.JobCommands;
import org.hotline81890.gateway.workorder.PhoneNumbers;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.gateway.workorder.Wording;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.flow.ActionResult;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.privacy.JobViews;
import org.hotline81890.partners.store.OfferStore;

/**
 * {@link JobCommands} for the SMS channel: a provider texts 接单/拒单/完成 (a department also 延期) + ticket from its
 * registered number; the same use cases as the partner API run, and the reply says in Chinese what happened (after
 * acceptance: the address and the resident's masked number; after an extension: the new handling deadline).
 */
public final class SmsJobCommands implements JobCommands {
    private final ProviderPhones providers;
    private final WorkOrderStore store;
    private final OfferStore offers;
    private final PartnerFlow flow;
    private final JobFacts facts;
    private final OfferMessages messages;

    public SmsJobCommands(ProviderPhones providers, WorkOrderStore store, OfferStore offers, PartnerFlow flow,
                          JobFacts facts, OfferMessages messages) {
        this.messages = messages;
        this.providers = providers;
        this.store = store;
        this.offers = offers;
        this.flow = flow;
        this.facts = facts;
    }

    @Override
    public boolean isProviderNumber(String phone) {
        return !registered(phone).isEmpty();
    }

    @Override
    public Result accept(String phone, TicketNumber ticket) {
        return run(phone, ticket, (p, o) -> flow.accept(p.id(), o.id(), Channel.SMS), (w, o) -> {
            var view = JobViews.forProvider(o, facts.details(w));
            String where = view instanceof org.hotline81890.partners.privacy.JobView.Full f
                    ? "地址：" + f.address() + "，居民电话：" + f.maskedPhone() + "。" : "";
            String t = Wording.ticket(ticket);
            return Wording.SIGN + "已接单" + t + "。" + where + "联系居民请回复“呼叫" + t + "”，由81890为您接通；"
                    + "出发时回复“出发" + t + "”，办结后回复“完成" + t + " 备注”。";
        });
    }

    @Override
    public Result decline(String phone, TicketNumber ticket, String reason) {
        return run(phone, ticket, (p, o) -> flow.decline(p.id(), o.id(), reason, Channel.SMS),
                (w, o) -> Wording.SIGN + "已拒单" + Wording.ticket(ticket) + "，工单将转派他人。");
    }

    @Override
    public Result start(String phone, TicketNumber ticket) {
        return run(phone, ticket, (p, o) -> flow.start(p.id(), o.id(), Channel.SMS),
                (w, o) -> Wording.SIGN + "工单" + Wording.ticket(ticket) + "已记录出发，已通知居民。");
    }

    @Override
    public Result callResident(String phone, TicketNumber ticket) {
        String from = PhoneNumbers.normalise(phone).replace("+", "");
        return run(phone, ticket, (p, o) -> flow.callResident(p.id(), o.id(), from, "sms:" + o.id().value() + ":"
                + java.util.UUID.randomUUID(), Channel.SMS), (w, o) -> Wording.SIGN + "正在为您接通工单"
                + Wording.ticket(ticket) + "的居民，请接听81890来电。");
    }

    @Override
    public Result complete(String phone, TicketNumber ticket, String note) {
        return run(phone, ticket, (p, o) -> flow.complete(p.id(), o.id(), note, Channel.SMS),
                (w, o) -> Wording.SIGN + "工单" + Wording.ticket(ticket) + "已办结，感谢您的服务。");
    }

    @Override
    public Result extend(String phone, TicketNumber ticket, Duration extra, String reason) {
        return run(phone, ticket, (p, o) -> flow.requestExtension(p.id(), o.id(), extra, reason),
                (w, o) -> Wording.SIGN + "工单" + Wording.ticket(ticket) + "的延期申请已提交，待热线督办审批；"
                        + "当前办理期限" + o.handleBy().map(Wording::time).orElse("（未定）") + "。");
    }

    /** The provider holding the job (accepted or on the way) hears of an address the resident added. */
    @Override
    public List<org.hotline81890.gateway.workorder.OutboxMessage> addressNotice(WorkOrder w, String address) {
        return offers.forWorkOrder(JobFacts.ref(w)).stream().filter(o -> o.state().isActiveJob()).reduce((a, b) -> b)
                .flatMap(o -> providers.find(o.provider()).map(p -> messages.addressAdded(o, p, w, address)))
                .orElseGet(List::of);
    }

    private interface Act {
        ActionResult apply(Provider provider, Offer offer);
    }

    private interface Reply {
        String text(WorkOrder w, Offer offer);
    }

    private Result run(String phone, TicketNumber ticket, Act act, Reply reply) {
        List<Provider> mine = registered(phone);
        if (mine.isEmpty()) {
            return new Result.Refused(Wording.sms("该号码未登记为服务商"));
        }
        Optional<WorkOrder> w = store.findByTicket(ticket);
        if (w.isEmpty()) {
            return new Result.Refused(Wording.sms("没有工单" + Wording.ticket(ticket)));
        }
        List<Offer> candidates = offers.forWorkOrder(JobFacts.ref(w.get())).stream()
                .filter(o -> mine.stream().anyMatch(p -> p.id().equals(o.provider()))).toList();
        if (candidates.isEmpty()) {
            return new Result.Refused(Wording.sms("工单" + Wording.ticket(ticket) + "没有派给您"));
        }
        Offer latest = candidates.getLast();
        Provider provider = mine.stream().filter(p -> p.id().equals(latest.provider())).findFirst().orElseThrow();
        Function<Offer, Result> done = o -> new Result.Done(reply.text(w.get(), o));
        return switch (act.apply(provider, latest)) {
            case ActionResult.Applied a -> done.apply(a.offer());
            case ActionResult.Repeated r -> done.apply(r.offer());
            case ActionResult.ExtensionRequested x -> done.apply(x.offer());
            case ActionResult.Rejection r -> new Result.Refused(Wording.sms(zh(r, ticket)));
        };
    }

    private List<Provider> registered(String phone) {
        String digits = PhoneNumbers.normalise(phone).replace("+", "");
        return providers.bySms(digits).stream().filter(Provider::isActive).toList();
    }

    static String zh(ActionResult.Rejection r, TicketNumber ticket) {
        String t = Wording.ticket(ticket);
        return switch (r) {
            case ActionResult.OfferNotFound n -> "没有工单" + t;
            case ActionResult.NotYourOffer n -> "工单" + t + "没有派给您";
            case ActionResult.OfferExpired e -> "工单" + t + "已超时，已转派他人";
            case ActionResult.AlreadyAccepted a -> "工单" + t + "您已接单，如需退单请致电81890";
            case ActionResult.OfferCancelled c -> "工单" + t + "已被热线撤回";
            case ActionResult.IllegalState i -> "工单" + t + "当前状态不能这样操作";
            case ActionResult.ExtensionRefused x -> "延期申请未获批准：" + x.message();
        };
    }
}
