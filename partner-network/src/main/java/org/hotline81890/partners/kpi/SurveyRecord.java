package org.hotline81890.partners.kpi;

import java.util.Objects;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.offer.WorkOrderRef;

/** One survey outcome, for the provider whose completed work was surveyed. */
public record SurveyRecord(WorkOrderRef workOrder, ProviderId provider, ServiceCode service, SurveyAnswer answer) {
    public SurveyRecord {
        Objects.requireNonNull(workOrder, "workOrder");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(answer, "answer");
    }
}
