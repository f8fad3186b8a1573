package org.hotline81890.gateway.channel.web;

import java.util.Map;

import org.hotline81890.partners.flow.ActionResult;

/**
 * The desk's translator: a use case's refusal to a status and a sentence in Chinese (the API's translator is
 * {@code PartnerJson}); and the page's fixed choices, so a value of the wrong kind is refused by field.
 */
final class DeskAnswers {
    /** The column the completion note and decline reason are kept in ({@code offer.note}). */
    static final int NOTE_MAX = 2000;
    static final int REASON_MAX = 500;
    /** Decline reasons a desk offers; the stored reason is the Chinese text. */
    static final Map<String, String> DECLINE_REASONS = Map.of("busy", "人手已满", "far", "距离太远",
            "skill", "不在服务范围", "time", "时间不合适", "other", "其他原因");

    private DeskAnswers() {
    }

    static int status(ActionResult.Rejection r) {
        return switch (r) {
            case ActionResult.OfferNotFound n -> 404;
            case ActionResult.NotYourOffer n -> 404;
            case ActionResult.ExtensionRefused e -> 422;
            case ActionResult.OfferExpired e -> 409;
            case ActionResult.AlreadyAccepted a -> 409;
            case ActionResult.OfferCancelled c -> 409;
            case ActionResult.IllegalState s -> 409;
        };
    }

    static String message(ActionResult.Rejection r) {
        return switch (r) {
            case ActionResult.OfferNotFound n -> "没有这个派单";
            case ActionResult.NotYourOffer n -> "没有这个派单";
            case ActionResult.ExtensionRefused e -> "延期未获准：" + e.detail();
            case ActionResult.OfferExpired e -> "已超过接单时限";
            case ActionResult.AlreadyAccepted a -> "已接单，不能再拒单；如需转派请联系热线";
            case ActionResult.OfferCancelled c -> "热线已撤回该派单";
            case ActionResult.IllegalState s -> "当前状态（" + ProviderLabels.INSTANCE.offer(s.offer().state())
                    + "）不能执行此操作";
        };
    }
}
