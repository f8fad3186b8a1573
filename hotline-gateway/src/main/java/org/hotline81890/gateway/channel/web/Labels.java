package org.hotline81890.gateway.channel.web;

import java.util.Map;

import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.WorkOrderState;

/** Chinese words for the core's states on the pages (templates call {@code ${labels.state(w.state())}}). */
public final class Labels {
    private static final Map<WorkOrderState, String> STATES = Map.ofEntries(
            Map.entry(WorkOrderState.RECEIVED, "已受理"), Map.entry(WorkOrderState.MATCHED, "已分类"),
            Map.entry(WorkOrderState.ANSWERED, "已直接答复"), Map.entry(WorkOrderState.OFFERED, "派单中"),
            Map.entry(WorkOrderState.ACCEPTED, "已接单"), Map.entry(WorkOrderState.COMPLETED, "已办结"),
            Map.entry(WorkOrderState.SURVEYED, "已回访"), Map.entry(WorkOrderState.CLOSED, "已关闭"),
            Map.entry(WorkOrderState.ESCALATED, "督办中"), Map.entry(WorkOrderState.REOPENED, "重办"),
            Map.entry(WorkOrderState.CANCELLED, "已撤销"));
    private static final Map<Priority, String> PRIORITIES = Map.of(Priority.NORMAL, "普通", Priority.URGENT, "紧急",
            Priority.EMERGENCY, "特急");

    public String state(WorkOrderState s) {
        return STATES.getOrDefault(s, s.name());
    }

    public String priority(Priority p) {
        return PRIORITIES.getOrDefault(p, p.name());
    }
}
