package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.hotline81890.directory.RequestType;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Deadlines;
import org.hotline81890.gateway.workorder.NewWorkOrder;
import org.hotline81890.gateway.workorder.Priority;
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

    static final String INSERT = "INSERT INTO work_order (ticket, idempotency_key, channel, "
            + "caller_number, request_type, text, service_code, district, street, community, grid, address, "
            + "priority, state, respond_by, complete_by, survey_at, created_at, updated_at, version) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)";

    private WorkOrderRows() {
    }

    /** Binds the 19 parameters of {@link #INSERT} for one new work order. */
    static void bindInsert(PreparedStatement ps, NewWorkOrder o, TicketNumber ticket, Instant now)
            throws SQLException {
        ps.setString(1, ticket.value());
        ps.setString(2, o.idempotencyKey());
        ps.setString(3, o.channel().name());
        ps.setString(4, o.callerNumber());
        ps.setString(5, o.requestType().name());
        ps.setString(6, o.text());
        Sql.setText(ps, 7, o.serviceCode());
        int next = bindHandling(ps, 8, o.area(), o.priority(), o.state(), o.deadlines(), now);
        Sql.setInstant(ps, next, now);
    }

    /**
     * Binds district, street, community, grid, address, priority, state, respond_by, complete_by, survey_at and the
     * time of the write, in this order from parameter {@code first} (the insert and the update write them alike);
     * answers the next parameter's index.
     */
    static int bindHandling(PreparedStatement ps, int first, Area area, Priority priority, WorkOrderState state,
                            Deadlines deadlines, Instant now) throws SQLException {
        int i = first;
        Sql.setText(ps, i++, area.district());
        Sql.setText(ps, i++, area.street());
        Sql.setText(ps, i++, area.community());
        Sql.setText(ps, i++, area.grid());
        Sql.setText(ps, i++, area.address());
        ps.setString(i++, priority.name());
        ps.setString(i++, state.name());
        Sql.setInstant(ps, i++, deadlines.respondBy());
        Sql.setInstant(ps, i++, deadlines.completeBy());
        Sql.setInstant(ps, i++, deadlines.surveyAt());
        Sql.setInstant(ps, i++, now);
        return i;
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
