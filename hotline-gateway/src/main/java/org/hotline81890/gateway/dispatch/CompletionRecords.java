package org.hotline81890.gateway.dispatch;

import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.partners.ProviderId;

/** Completions recorded from the desks (driven port). */
public interface CompletionRecords {
    /** One per offer; called inside the transaction that completes it. */
    void add(CompletionRecord record);

    List<CompletionRecord> ofWorkOrder(WorkOrderId workOrder);

    List<CompletionRecord> ofProvider(ProviderId provider);

    Optional<CompletionRecord> byPhoto(String file);
}
