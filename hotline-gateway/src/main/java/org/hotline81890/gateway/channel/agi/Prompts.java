package org.hotline81890.gateway.channel.agi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hotline81890.directory.ivr.IvrMenu;
import org.hotline81890.directory.ivr.IvrNode;
import org.hotline81890.directory.ivr.IvrStep;
import org.hotline81890.gateway.workorder.WorkOrderState;

/**
 * Every sound the scripts and the shipped dialplan play, as STREAM FILE names under Asterisk's sounds directory per
 * language, with the Mandarin text of each. The one list: {@code hotline prompts} prints it, src/bin/make-prompts
 * speaks it into config/asterisk/sounds/zh/, and a test checks that every name exists there.
 */
public final class Prompts {
    private static final Map<String, String> ZH = new LinkedHashMap<>();

    /** The default greeting (agi.greeting). */
    public static final String WELCOME = zh("hotline/welcome", "您好，这里是八一八九零求助服务中心，请稍候，马上为您接通。");
    public static final String CALL_AGAIN = zh("hotline/please-call-again", "对不起，系统暂时出现问题，请稍后再拨。");
    public static final String CLOSED_OFFER_CALLBACK = zh("hotline/closed-callback",
            "现在是非工作时间。需要我们回电，请按1；否则请挂机。");
    public static final String CALLBACK_RECORDED = zh("hotline/callback-recorded",
            "谢谢，您的回电请求已登记，我们上班后会尽快给您回电。");
    /** Played by the dialplan before it asks for a callback when nobody answered in the queue. */
    public static final String QUEUE_TIMEOUT = zh("hotline/queue-timeout",
            "对不起，座席繁忙。我们已记下您的号码，稍后给您回电。");
    public static final String ENTER_TICKET = zh("hotline/enter-ticket", "请输入您的九位工单号，以井号键结束。");
    public static final String TICKET_UNKNOWN = zh("hotline/ticket-unknown", "没有找到这个工单号。");
    public static final String TICKET_IS = zh("hotline/ticket-is", "工单号");
    public static final String SURVEY_QUESTION = zh("hotline/survey-question",
            "请对我们的服务进行评价：满意请按1，基本满意请按2，不满意请按3。");
    public static final String THANK_YOU = zh("hotline/thank-you", "感谢您的评价，再见。");
    public static final String GOODBYE = zh("hotline/goodbye", "再见。");
    /** Prefix of the state prompts: hotline/state-received, hotline/state-closed, ... */
    public static final String STATE_PREFIX = "hotline/state-";
    private static final String[] DIGITS_ZH = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    static {
        Map<WorkOrderState, String> states = Map.ofEntries(
                Map.entry(WorkOrderState.RECEIVED, "已受理"), Map.entry(WorkOrderState.MATCHED, "已分类，正在安排"),
                Map.entry(WorkOrderState.OFFERED, "正在派单"), Map.entry(WorkOrderState.ACCEPTED, "已派给服务单位"),
                Map.entry(WorkOrderState.COMPLETED, "已办结，等待回访"), Map.entry(WorkOrderState.SURVEYED, "已回访"),
                Map.entry(WorkOrderState.CLOSED, "已结案"), Map.entry(WorkOrderState.ANSWERED, "已当场答复"),
                Map.entry(WorkOrderState.ESCALATED, "已转督办"), Map.entry(WorkOrderState.REOPENED, "已重新办理"),
                Map.entry(WorkOrderState.CANCELLED, "已取消"));
        for (WorkOrderState s : WorkOrderState.values()) {
            zh(state(s), "状态：" + states.getOrDefault(s, "处理中") + "。");
        }
        for (int d = 0; d <= 9; d++) {
            zh("digits/" + d, DIGITS_ZH[d]);
        }
    }

    private Prompts() {
    }

    private static String zh(String name, String text) {
        ZH.put(name, text);
        return name;
    }

    /** The prompt that says a work order's state. */
    public static String state(WorkOrderState s) {
        return STATE_PREFIX + s.name().toLowerCase(Locale.ROOT);
    }

    /** The prompt of one page of the DTMF menu: {@code hotline/menu-<category code or root>-<page>}. */
    public static String menu(IvrNode node) {
        return "hotline/menu-" + node.category().map(c -> c.code()).orElse("root") + "-" + node.page();
    }

    /** One prompt and what it says. */
    public record Line(String name, String zh) {
    }

    /** Every prompt: the fixed ones (with the digits SAY DIGITS plays), then every page of the menu. */
    public static List<Line> all(IvrMenu menu) {
        List<Line> out = new ArrayList<>();
        ZH.forEach((name, text) -> out.add(new Line(name, text)));
        for (IvrNode page : pages(menu)) {
            out.add(new Line(menu(page), String.join("；", page.prompt()) + "。"));
        }
        return out;
    }

    /** Every page a caller can reach: the category pages (9 = next page) and each category's service pages. */
    static List<IvrNode> pages(IvrMenu menu) {
        Set<String> seen = new LinkedHashSet<>();
        List<IvrNode> out = new ArrayList<>();
        List<IvrNode> todo = new ArrayList<>(List.of(menu.root()));
        while (!todo.isEmpty()) {
            IvrNode at = todo.removeFirst();
            if (!seen.add(menu(at))) {
                continue;
            }
            out.add(at);
            for (char key : "123456789".toCharArray()) {
                if (menu.press(at, key) instanceof IvrStep.Menu m) {
                    todo.add(m.node());
                }
            }
        }
        return out;
    }
}
