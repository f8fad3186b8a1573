package org.hotline81890.partners.offer;

import java.time.Instant;

/**
 * One source for each deadline: what the resident was promised decides what the provider is told. The work
 * order's respond-by (the resident's "将于…前与您联系") ends every answer window, so the hotline never escalates an
 * offer before the time its provider was given; a department's handling deadline is the work order's complete-by.
 * A promise already past (a reopened order) falls back to the offer terms.
 */
public final class PromisedDeadlines {
    private final OfferTerms terms;
    private final HandlingDeadlines handling;

    public PromisedDeadlines(OfferTerms terms, HandlingDeadlines handling) {
        this.terms = terms;
        this.handling = handling;
    }

    /** When a department must sign for a transfer: the respond-by promise, else the sign timeout. */
    public Instant transferAcceptBy(DispatchJob job, Instant now) {
        return job.respondBy().filter(now::isBefore).orElse(now.plus(terms.departmentSignTimeout()));
    }

    /** When a department must have handled it: the complete-by promise, else {@link HandlingDeadlines}. */
    public Instant handleBy(DispatchJob job, Instant now, Instant acceptBy) {
        return job.completeBy().filter(acceptBy::isBefore).orElse(handling.handleBy(job, now));
    }

    /** When a partner or volunteer must answer: the accept timeout, cut to the respond-by promise. */
    public Instant assignmentAcceptBy(DispatchJob job, Instant now) {
        Instant byTerms = now.plus(terms.acceptTimeout(job.service()));
        return job.respondBy().filter(now::isBefore).filter(byTerms::isAfter).orElse(byTerms);
    }
}
