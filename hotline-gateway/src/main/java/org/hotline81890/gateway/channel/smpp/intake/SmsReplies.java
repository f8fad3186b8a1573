package org.hotline81890.gateway.channel.smpp.intake;

import org.hotline81890.gateway.workorder.Survey;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.Wording;

/** The Chinese texts the hotline sends back by SMS. Pure functions, table-tested. */
public final class SmsReplies {
    private static final String SIGN = Wording.SIGN;

    private SmsReplies() {
    }

    /** The automatic reply to a new request: ticket and what happens next. */
    public static String accepted(WorkOrder w) {
        String next = w.state() == WorkOrderState.MATCHED
                ? "已转交相关部门或服务单位办理" + w.deadlines().respondBy().map(t -> "，将于" + Wording.time(t)
                        + "前与您联系").orElse("，将尽快与您联系") + "。"
                : "话务员将尽快核实并派单。";
        return SIGN + "您的诉求已受理，工单号" + w.ticket().grouped() + "。" + next
                + "回复“查询”可查看办理进度，回复“TD”退订进度通知。";
    }

    /**
     * The reply to a new request sent before it is matched (ticket first, ADR 0047): the ticket, and how to follow
     * it; what happens next is told by the order's own messages and by {@code 查询}.
     */
    public static String received(TicketNumber ticket) {
        return SIGN + "您的诉求已受理，工单号" + ticket.grouped() + "，我们将尽快派单办理。"
                + "回复“查询”可查看办理进度，回复“TD”退订进度通知。";
    }

    public static String status(WorkOrder w) {
        return SIGN + "工单" + w.ticket().grouped() + "当前状态：" + stateZh(w.state()) + "。";
    }

    public static String notFound() {
        return SIGN + "未查到您名下的工单，请核对工单号后重发，如“查询 123456789”。";
    }

    public static String invalidTicket(String given) {
        return SIGN + "工单号“" + given + "”有误（应为9位数字），请核对后重发。";
    }

    public static String askTicket() {
        return SIGN + "请在指令后附上工单号，例如“接单 123456789”。";
    }

    public static String askExtension() {
        return SIGN + "申请延期请回复“延期 工单号 小时数 理由”，例如“延期 123456789 24 等待材料”。";
    }

    public static String survey(Survey.Result r) {
        return switch (r) {
            case Survey.Result.Recorded rec -> SIGN + "感谢您的评价！工单" + rec.workOrder().ticket().grouped()
                    + (rec.workOrder().state() == WorkOrderState.REOPENED ? "将重新派单办理。" : "已结案。");
            case Survey.Result.NotAsked n -> SIGN + "工单" + n.workOrder().ticket().grouped() + "目前"
                    + stateZh(n.workOrder().state()) + "，暂不需要评价。";
            case Survey.Result.Unknown u -> SIGN + "未找到等待您评价的工单。";
        };
    }

    /** A repeated request (the same text again, after the SMSC's redelivery window): the order it already is. */
    public static String alreadyAccepted(WorkOrder w) {
        return SIGN + "您的诉求已在办理中，工单号" + w.ticket().grouped() + "，当前状态：" + stateZh(w.state())
                + "。回复“查询”可查看办理进度。";
    }

    /** The one follow-up question for a service that needs an address, when the request gave none. */
    public static String askAddress(WorkOrder w) {
        return SIGN + "工单" + w.ticket().grouped() + "需要上门服务，请回复“地址 详细地址”，例如“地址 柳汀街88号3单元502”。";
    }

    public static String addressAdded(WorkOrder w) {
        return SIGN + "已收到您的地址，已补充到工单" + w.ticket().grouped() + "。";
    }

    /** A job command's reply to a provider: signed and ended as a sentence, like every other text. */
    public static String provider(String text) {
        return Wording.sms(text);
    }

    public static String stopped() {
        return SIGN + "已为您退订工单进度短信通知。回复“KT”可重新开通。";
    }

    public static String started() {
        return SIGN + "已为您开通工单进度短信通知。";
    }

    public static String stateZh(WorkOrderState s) {
        return switch (s) {
            case RECEIVED -> "已受理，待核实";
            case MATCHED -> "已受理，正在派单";
            case ANSWERED -> "已答复";
            case OFFERED -> "正在派单";
            case ACCEPTED -> "服务单位已接单，正在处理";
            case COMPLETED -> "已办结，待您评价";
            case SURVEYED -> "已评价";
            case CLOSED -> "已结案";
            case ESCALATED -> "已提交督办";
            case REOPENED -> "重新办理中";
            case CANCELLED -> "已撤销";
        };
    }
}
