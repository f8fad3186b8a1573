package org.hotline81890.gateway.dispatch;

import java.time.Instant;
import java.util.Optional;

import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.OfferId;

/**
 * Who completed a job on a desk (the person, not only the provider: a volunteer team's hours are counted per
 * volunteer) and the photo attached, written in the transaction that completes the offer.
 */
public record CompletionRecord(OfferId offer, WorkOrderId workOrder, ProviderId provider, Optional<Worker> by,
                               Optional<CompletionPhoto> photo, Instant at) {

    /** The person at the desk: login (unique) and the name shown. */
    public record Worker(String login, String name) {
    }
}
