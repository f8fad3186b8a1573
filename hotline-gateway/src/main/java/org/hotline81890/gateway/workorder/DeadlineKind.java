package org.hotline81890.gateway.workorder;

/** Which work-order deadline fired. */
public enum DeadlineKind {
    /** A provider (or agent) must have taken the job by then: "answered within 5 minutes" lives here. */
    RESPOND_BY,
    /** The job must be completed by then. */
    COMPLETE_BY,
    /** The resident's survey answer is awaited until then; silence closes the order as "no reply". */
    SURVEY_AT
}
