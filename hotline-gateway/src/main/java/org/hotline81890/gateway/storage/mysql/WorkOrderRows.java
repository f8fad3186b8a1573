package org.hotline81890.gateway.storage.mysql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Deadlines;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.RequestType;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderEvent;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;

/** Maps rows of work_order and work_order_event to domain records. */
final class WorkOrderRows {
    static final String COLUMNS = "id, ticket, idempotency_key, channel, caller_number, request_type, text, "
            + "service_code, district, street, community, grid, address, priority, state, respond_by, complete_by, "
            + "survey_at, created_at, updated_at, version";

    private WorkOrderRows() {
    }

    static WorkOrder workOrder(ResultSet rs) throws SQLException {
        Area area = new Area(Sql.optText(rs, "district"), Sql.optText(rs, "street"), Sql.optText(rs, "community"),
                Sql.optText(rs, "grid"), Sql.optText(rs, "address"));
        Deadlines deadlines = new Deadlines(Sql.optInstant(rs, "respond_by"), Sql.optInstant(rs, "complete_by"),
                Sql.optInstant(rs, "survey_at"));
        return new WorkOrder(new WorkOrderId(rs.getLong("id")), new TicketNumber(rs.getString("ticket")),
                rs.getString("idempotency_key"), Channel.valueOf(rs.getString("channel")),
                rs.getString("caller_number"), RequestType.valueOf(rs.getString("request_type")),
                rs.getString("text"), Sql.optText(rs, "service_code"), area,
                Priority.valueOf(rs.getString("priority")), deadlines, WorkOrderState.valueOf(rs.getString("state")),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getInt("version"));
    }

    static WorkOrderEvent event(ResultSet rs) throws SQLException {
        return new WorkOrderEvent(rs.getLong("id"), new WorkOrderId(rs.getLong("work_order_id")),
                Sql.instant(rs, "at"), rs.getString("actor"), Channel.valueOf(rs.getString("channel")),
                Optional.ofNullable(rs.getString("from_state")).map(WorkOrderState::valueOf),
                WorkOrderState.valueOf(rs.getString("to_state")), rs.getString("details"));
    }
}
