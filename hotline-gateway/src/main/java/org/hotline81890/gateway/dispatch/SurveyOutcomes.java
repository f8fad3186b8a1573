package org.hotline81890.gateway.dispatch;

import java.time.Instant;
import java.util.List;

import org.hotline81890.partners.kpi.SurveyAnswer;

/** Driven port: survey outcomes as the work-order history records them, for the partner network's KPIs. */
public interface SurveyOutcomes {
    /** One survey outcome of one work order. */
    record Answered(String workOrder, Instant at, SurveyAnswer answer) {
    }

    List<Answered> since(Instant since);
}
