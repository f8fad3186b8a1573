package org.hotline81890.gateway.dispatch;

import java.util.function.Function;

import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;

/**
 * What became of a supervisor's action (督办): done (the message says what), nothing to act on, or refused with a
 * reason to show; a refused or unknown action changed nothing.
 */
public sealed interface SupervisorOutcome {
    /** The action took effect. */
    record Done(String message) implements SupervisorOutcome {
    }

    /** No such order, request or provider. [404] */
    record NotFound(String message) implements SupervisorOutcome {
    }

    /** The input is wrong (a blank reason, a provider that does not do this service). [400] */
    record Invalid(String message) implements SupervisorOutcome {
    }

    /** The order or request is not in a state that allows it. [409] */
    record Conflict(String message) implements SupervisorOutcome {
    }

    /**
     * Runs {@code action} in one unit of work with the order locked (offers included); "没有工单" when there is no
     * such order. Every supervisor action on one order goes through here, so none can act on it unlocked.
     */
    static SupervisorOutcome onOrder(OfferLocks locks, WorkOrderId id, Function<WorkOrder, SupervisorOutcome> action) {
        return locks.inOneTransaction(() -> locks.withWorkOrder(id, locked -> locked.map(action)
                .orElseGet(() -> new NotFound("没有工单 " + id.value()))));
    }

    /** The order's state does not allow {@code what} (撤销, 重办, 改派). */
    static SupervisorOutcome notNow(WorkOrder w, String what) {
        return new Conflict("工单" + w.ticket().grouped() + "当前状态" + w.state() + "，不能" + what);
    }
}
