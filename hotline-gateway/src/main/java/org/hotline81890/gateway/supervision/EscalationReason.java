package org.hotline81890.gateway.supervision;

import java.util.Locale;

import org.hotline81890.gateway.workorder.Survey;
import org.hotline81890.gateway.workorder.Tracker;

/**
 * Why an order is on the 督办 list, read from the details of the event that escalated it (the words the tracker,
 * the dispatcher and the survey write). Each has the Chinese label the desk shows.
 */
public enum EscalationReason {
    NO_SERVICE("未匹配服务"),
    UNPLACED("无人归类（短信待处理超时）"),
    NO_PROVIDER("无服务单位可承接"),
    OFFERS_EXHAUSTED("派单均被拒绝或超时"),
    RESPOND_LATE("响应超时"),
    COMPLETE_LATE("办理超时"),
    TRANSFER_OVERDUE("转办逾期"),
    UNSATISFIED_TWICE("二次不满意"),
    REPLY_UNDECIDED("居民回复超时未处理"),
    OTHER("其他");

    private final String label;

    EscalationReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The reason an escalation event's details give. */
    public static EscalationReason of(String details) {
        String d = details.toLowerCase(Locale.ROOT);
        if (details.equals(Survey.UNSATISFIED_TWICE) || d.contains("unsatisfied twice")) {
            return UNSATISFIED_TWICE;
        }
        if (d.contains(Tracker.REPLY_UNDECIDED.toLowerCase(Locale.ROOT))) {
            return REPLY_UNDECIDED;
        }
        if (d.contains("no service matched")) {
            return NO_SERVICE;
        }
        if (d.contains(Tracker.UNPLACED)) {
            return UNPLACED;
        }
        if (d.contains("did not complete the transfer")) {
            return TRANSFER_OVERDUE;
        }
        if (d.contains("respond-by")) {
            return RESPOND_LATE;
        }
        if (d.contains("complete-by")) {
            return COMPLETE_LATE;
        }
        if (d.contains("no provider can take it")) {
            return d.contains("already offered this work order") ? OFFERS_EXHAUSTED : NO_PROVIDER;
        }
        return OTHER;
    }
}
