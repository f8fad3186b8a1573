package org.hotline81890.gateway.channel.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

import io.vertx.core.json.JsonObject;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.kpi.SurveyAnswer;
import org.hotline81890.partners.offer.OfferState;

/** Chinese words for the provider pages (templates call {@code ${pl.kind(p.kind())}}); times in Beijing time. */
public final class ProviderLabels {
    public static final ProviderLabels INSTANCE = new ProviderLabels();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final Map<ProviderKind, String> KINDS = Map.of(ProviderKind.DEPARTMENT, "政府部门",
            ProviderKind.PARTNER_COMPANY, "合作单位", ProviderKind.VOLUNTEER_INDIVIDUAL, "志愿者（个人）",
            ProviderKind.VOLUNTEER_TEAM, "志愿者队伍");
    private static final Map<OfferState, String> OFFERS = Map.of(OfferState.OFFERED, "待接单",
            OfferState.ACCEPTED, "已接单", OfferState.STARTED, "已出发", OfferState.COMPLETED, "已完成",
            OfferState.DECLINED, "已拒单", OfferState.EXPIRED, "已超时", OfferState.CANCELLED, "已撤回");

    private ProviderLabels() {
    }

    public String kind(ProviderKind k) {
        return KINDS.getOrDefault(k, k.name());
    }

    public String offer(OfferState s) {
        return OFFERS.getOrDefault(s, s.name());
    }

    /** The provider's service codes, sorted, space-separated. */
    public String services(Provider p) {
        return p.services().stream().map(ServiceCode::value).sorted().collect(Collectors.joining(" "));
    }

    /** A KPI rate as the scorecard JSON has it: "87.5%（7/8）", or "–" when nothing was counted. */
    public String rate(JsonObject rate) {
        if (rate == null || rate.getValue("value") == null) {
            return "–";
        }
        return Math.round(rate.getDouble("value") * 1000) / 10.0 + "%（" + rate.getInteger("count") + "/"
                + rate.getInteger("outOf") + "）";
    }

    public String survey(SurveyAnswer a) {
        return switch (a) {
            case SATISFIED -> "满意";
            case BASICALLY_SATISFIED -> "基本满意";
            case UNSATISFIED -> "不满意";
            case NO_REPLY -> "未回复";
        };
    }

    /** Milliseconds as minutes, "–" when absent. */
    public String minutes(Object millis) {
        return millis instanceof Number n ? Math.round(n.doubleValue() / 6000) / 10.0 + " 分钟" : "–";
    }

    public String time(Instant t) {
        return TIME.format(t);
    }
}
