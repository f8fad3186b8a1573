package org.hotline81890.gateway.storage.mysql;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.desk.CallerRecords;
import org.hotline81890.gateway.workorder.Survey;
import org.hotline81890.partners.kpi.SurveyAnswer;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;

/**
 * A caller's records for the screen pop, read from {@code work_order} and its history (V1) by the caller index
 * ({@code ix_work_order_caller}); the survey answer is the latest SURVEYED event's details.
 */
public final class MySqlCallerRecords implements CallerRecords {
    private static final String DONE = "('ANSWERED', 'CLOSED', 'CANCELLED')";
    private final Transactions tx;

    public MySqlCallerRecords(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public List<WorkOrder> openOrders(String callerNumber, int limit) {
        return tx.read(c -> Sql.list(c, "SELECT " + WorkOrderRows.COLUMNS + " FROM work_order"
                + " WHERE caller_number = ? AND state NOT IN " + DONE + " ORDER BY created_at DESC, id DESC LIMIT ?",
                ps -> {
                    ps.setString(1, callerNumber);
                    ps.setInt(2, limit);
                }, WorkOrderRows::workOrder));
    }

    @Override
    public Optional<SurveyReply> lastSurvey(String callerNumber) {
        return tx.read(c -> Sql.first(c, "SELECT w.ticket, e.details, e.at FROM work_order w"
                + " JOIN work_order_event e ON e.work_order_id = w.id WHERE w.caller_number = ?"
                + " AND e.to_state = 'SURVEYED' ORDER BY e.at DESC, e.id DESC LIMIT 1",
                ps -> ps.setString(1, callerNumber), rs -> {
                    String details = rs.getString("details");
                    String word = details.startsWith(Survey.ANSWER_DETAILS)
                            ? details.substring(Survey.ANSWER_DETAILS.length()).strip() : "";
                    TicketNumber ticket = TicketNumber.of(rs.getString("ticket"));
                    Instant at = Sql.instant(rs, "at");
                    return SurveyAnswer.ofChinese(word).map(a -> new SurveyReply(ticket, a, at)).orElse(null);
                }));
    }

    @Override
    public int ordersSince(String callerNumber, Instant since, Optional<WorkOrderId> except) {
        return tx.read(c -> Sql.first(c, "SELECT COUNT(*) FROM work_order WHERE caller_number = ?"
                + " AND created_at >= ? AND id <> ?", ps -> {
                    ps.setString(1, callerNumber);
                    Sql.setInstant(ps, 2, since);
                    ps.setLong(3, except.map(WorkOrderId::value).orElse(-1L));
                }, rs -> rs.getInt(1)).orElseThrow());
    }
}
