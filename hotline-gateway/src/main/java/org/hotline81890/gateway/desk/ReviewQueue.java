package org.hotline81890.gateway.desk;

import java.util.List;

import org.hotline81890.gateway.workorder.WorkOrder;

/**
 * Driven port: the texts waiting for an agent, the SMS orders still RECEIVED (the matcher placed them nowhere, or was
 * not sure enough to dispatch them), oldest first.
 */
public interface ReviewQueue {
    List<WorkOrder> waiting(int limit);

    int count();
}
