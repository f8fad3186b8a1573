package org.hotline81890.gateway.channel.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.hotline81890.directory.ProviderKind;
import org.hotline81890.directory.match.MatchReason;

import org.hotline81890.gateway.workorder.PhoneNumbers;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.WorkOrderState;

/** Chinese words for the core's states on the pages (templates call {@code ${labels.state(w.state())}}). */
public final class Labels {
    private static final Map<WorkOrderState, String> STATES = Map.ofEntries(
            Map.entry(WorkOrderState.RECEIVED, "已受理"), Map.entry(WorkOrderState.MATCHED, "已分类"),
            Map.entry(WorkOrderState.ANSWERED, "已直接答复"), Map.entry(WorkOrderState.OFFERED, "派单中"),
            Map.entry(WorkOrderState.ACCEPTED, "已接单"), Map.entry(WorkOrderState.COMPLETED, "已办结"),
            Map.entry(WorkOrderState.SURVEYED, "已回访"), Map.entry(WorkOrderState.CLOSED, "已关闭"),
            Map.entry(WorkOrderState.ESCALATED, "督办中"), Map.entry(WorkOrderState.REOPENED, "重办"),
            Map.entry(WorkOrderState.CANCELLED, "已撤销"));
    private static final Map<Priority, String> PRIORITIES = Map.of(Priority.NORMAL, "普通", Priority.URGENT, "紧急",
            Priority.EMERGENCY, "特急");

    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("M月d日 HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final Map<ProviderKind, String> KINDS = Map.of(ProviderKind.DEPARTMENT, "政府部门",
            ProviderKind.PARTNER, "加盟企业", ProviderKind.VOLUNTEER, "志愿者");

    /** A time as agents read it: Beijing time, {@code 12月5日 08:14}. */
    public String when(Instant at) {
        return at == null ? "" : BEIJING.format(at);
    }

    private static final Map<MatchReason.How, String> HOWS = Map.of(MatchReason.How.WORD, "关键词",
            MatchReason.How.NAME, "服务名", MatchReason.How.TYPO, "错字", MatchReason.How.ENGLISH, "英文",
            MatchReason.How.PINYIN, "拼音", MatchReason.How.URGENT, "紧急", MatchReason.How.CONTEXT, "情境",
            MatchReason.How.EXAMPLE, "例句");

    /** Why the matcher suggested a service, in Chinese: {@code 漏水（关键词 +1.2）}, {@code 像“…”（例句 0.87）}. */
    public String reason(MatchReason r) {
        if (r.how() == MatchReason.How.EXAMPLE) {
            return "像“%s”（例句 %.2f）".formatted(r.found(), r.points());
        }
        String shown = r.found().equals(r.word()) ? r.word() : r.found() + "≈" + r.word();
        return "%s（%s +%.1f）".formatted(shown, HOWS.get(r.how()), r.points());
    }

    /** A DTMF key as an element id: digits as they are, {@code star}, {@code hash}. */
    public String keyId(String key) {
        return switch (key) {
            case "*" -> "star";
            case "#" -> "hash";
            default -> key;
        };
    }

    public String kind(ProviderKind k) {
        return KINDS.getOrDefault(k, k.name());
    }

    public String state(WorkOrderState s) {
        return STATES.getOrDefault(s, s.name());
    }

    /** A resident's number as lists show it before anyone opens the item ({@code 138****1111}). */
    public String masked(String number) {
        return PhoneNumbers.mask(number);
    }

    public String priority(Priority p) {
        return PRIORITIES.getOrDefault(p, p.name());
    }
}
