package org.hotline81890.gateway.desk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.hotline81890.directory.RequestType;
import org.hotline81890.gateway.voice.OneKeyTerminal;
import org.hotline81890.partners.kpi.SurveyAnswer;
import org.hotline81890.gateway.workorder.WorkOrder;

/**
 * What the agent must know about a caller before answering (智齿's 来电弹屏): their earlier requests, the ones still
 * open, their latest survey answer, and the care flags.
 *
 * @param history      the caller's latest requests other than this call's, newest first
 * @param openOrders   their requests not yet done, newest first (this call's excluded)
 * @param lastSurvey   their latest survey answer
 * @param terminal     the one-key terminal registered on the number, with the resident's profile and contacts
 * @param recentOrders how many other requests they opened within {@link CallerProfiles#REPEAT_WINDOW}
 */
public record CallerProfile(List<WorkOrder> history, List<WorkOrder> openOrders,
                            Optional<CallerRecords.SurveyReply> lastSurvey, Optional<OneKeyTerminal> terminal,
                            int recentOrders) {
    public static final CallerProfile UNKNOWN = new CallerProfile(List.of(), List.of(), Optional.empty(),
            Optional.empty(), 0);

    public CallerProfile {
        history = List.copyOf(history);
        openOrders = List.copyOf(openOrders);
        Objects.requireNonNull(lastSurvey, "lastSurvey");
        Objects.requireNonNull(terminal, "terminal");
    }

    /** Called before within the repeat window (重复来电). */
    public boolean repeatCaller() {
        return recentOrders > 0;
    }

    /** Their open complaints (未办结投诉), newest first. */
    public List<WorkOrder> openComplaints() {
        return openOrders.stream().filter(w -> w.requestType() == RequestType.COMPLAINT).toList();
    }

    /** Their latest survey answer was 不满意. */
    public boolean unsatisfied() {
        return lastSurvey.map(s -> s.answer() == SurveyAnswer.UNSATISFIED).orElse(false);
    }

    /** Any care flag raised: the pop shows them first. */
    public boolean needsCare() {
        return terminal.isPresent() || repeatCaller() || !openComplaints().isEmpty() || unsatisfied();
    }
}
