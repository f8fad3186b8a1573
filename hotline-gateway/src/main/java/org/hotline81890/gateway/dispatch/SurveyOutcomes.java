package org.hotline81890.gateway.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hotline81890.partners.kpi.SurveyAnswer;

/** Driven port: survey outcomes as the work-order history records them, for the partner network's KPIs. */
public interface SurveyOutcomes {
    /** One survey outcome of one work order. */
    record Answered(String workOrder, Instant at, SurveyAnswer answer) {
    }

    List<Answered> since(Instant since);

    /**
     * Work orders escalated since {@code since} that never had an offer (no provider could be found), counted by
     * the category of their service ({@code "-"} when none matched): they count as unanswered in 响应率.
     */
    Map<String, Integer> escalatedWithoutOffer(Instant since);
}
