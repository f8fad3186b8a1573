package org.hotline81890.gateway.dispatch;

import java.time.Clock;

import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/** The in-memory fake held to the same contract as the MySQL adapter. */
class InMemorySurveyOutcomesTest implements SurveyOutcomesContract {
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(Clock.systemUTC());
    private final InMemorySurveyOutcomes outcomes = new InMemorySurveyOutcomes(store);

    @Override
    public SurveyOutcomes outcomes() {
        return outcomes;
    }

    @Override
    public WorkOrderStore store() {
        return store;
    }

    @Override
    public void offered(WorkOrderId workOrder) {
        outcomes.offered(workOrder);
    }
}
