package org.hotline81890.gateway.channel.agi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.voice.OneKeyTerminal;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.WorkOrder;

/**
 * Pure translator: from the work order of a call (and whether it came from a one-key terminal, and the caller's
 * other open orders) to the channel variables the dialplan queues the call with.
 *
 * @param queue              HOTLINE_QUEUE: the ordinary queue, or the priority queue for terminals and emergencies
 * @param queuePriority      QUEUE_PRIO: app_queue's position priority, the queue jump (0 = join at the end)
 */
public record CallRouting(WorkOrder workOrder, String queue, int queuePriority, boolean terminal,
                   List<WorkOrder> otherOpenOrders) {

    /** The queue names and the jump from configuration. */
    public record Queues(String normal, String priority, int terminalJump) {
    }

    static CallRouting decide(WorkOrder order, Optional<OneKeyTerminal> terminal, List<WorkOrder> recent,
                              Queues queues) {
        boolean urgent = terminal.isPresent() || order.priority() == Priority.EMERGENCY;
        List<WorkOrder> open = recent.stream()
                .filter(w -> !w.id().equals(order.id()) && !w.state().isFinal()).toList();
        return new CallRouting(order, urgent ? queues.priority() : queues.normal(),
                terminal.isPresent() ? queues.terminalJump() : 0, terminal.isPresent(), open);
    }

    /** In the order they are set; HOTLINE_STATUS last, so a dialplan seeing OK knows the rest is there. */
    Map<String, String> variables() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("HOTLINE_TICKET", workOrder.ticket().value());
        v.put("HOTLINE_WORKORDER", Long.toString(workOrder.id().value()));
        v.put("HOTLINE_QUEUE", queue);
        v.put("HOTLINE_PRIORITY", workOrder.priority().wire());
        v.put("QUEUE_PRIO", Integer.toString(queuePriority));
        v.put("HOTLINE_TERMINAL", terminal ? "1" : "0");
        v.put("HOTLINE_OPEN_ORDERS", Integer.toString(otherOpenOrders.size()));
        otherOpenOrders.stream().findFirst().ifPresent(w -> v.put("HOTLINE_LAST_TICKET", w.ticket().value()));
        v.put("HOTLINE_STATUS", "OK");
        return v;
    }
}
