package org.hotline81890.gateway.desk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.hotline81890.directory.RequestType;
import org.hotline81890.gateway.workorder.Area;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.TicketNumber;

/**
 * The agent's ticket form as submitted: the request in words (the resident's text, or the agent's summary of a
 * call), its type, the chosen service, the service the matcher had put first when the desk showed it (a code or
 * {@code NONE}), urgency, area, notes and, for a transfer (转办), the department chosen.
 */
public record TicketForm(TicketNumber ticket, String text, RequestType requestType, String serviceCode,
                         String matcherFirst, Priority priority, Area area, String notes,
                         Optional<String> department) {
    public static final int MAX_NOTES = 1000;

    public TicketForm {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(area, "area");
        text = text == null ? "" : text.strip();
        serviceCode = serviceCode == null ? "" : serviceCode.strip();
        matcherFirst = matcherFirst == null || matcherFirst.isBlank() ? "NONE" : matcherFirst.strip();
        notes = notes == null ? "" : notes.strip();
        department = department.map(String::strip).filter(d -> !d.isEmpty());
    }

    /** A form without a department: answered or dispatched by the policy. */
    public TicketForm(TicketNumber ticket, String text, RequestType requestType, String serviceCode,
                      String matcherFirst, Priority priority, Area area, String notes) {
        this(ticket, text, requestType, serviceCode, matcherFirst, priority, area, notes, Optional.empty());
    }

    /** The area's levels from the district down, as far as they are given. */
    List<String> areaPath() {
        return java.util.stream.Stream.of(area.district(), area.street(), area.community(), area.grid())
                .takeWhile(Optional::isPresent).map(Optional::get).toList();
    }
}
