package org.hotline81890.gateway.desk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline81890.partners.kpi.SurveyAnswer;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;

/** Driven port: what the hotline's records say about one caller, read for the screen pop. */
public interface CallerRecords {
    /** The caller's orders not yet done (neither answered, closed nor cancelled), newest first. */
    List<WorkOrder> openOrders(String callerNumber, int limit);

    /** The caller's latest survey answer, whichever of their orders it judged. */
    Optional<SurveyReply> lastSurvey(String callerNumber);

    /** How many orders the caller opened at or after {@code since}, not counting {@code except}. */
    int ordersSince(String callerNumber, Instant since, Optional<WorkOrderId> except);

    /** One answer to the satisfaction survey. */
    record SurveyReply(TicketNumber ticket, SurveyAnswer answer, Instant at) {
    }
}
