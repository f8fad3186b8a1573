package org.hotline81890.gateway.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.workorder.WorkOrderState;

/**
 * The orders not yet tracked to an end (neither closed, cancelled nor with 督办), and why each is still open: the
 * deadline that decides its next step in its state (respond-by until a provider takes it, complete-by while it is
 * worked, the survey wait after completion), whether that deadline is still to come or passed without moving it, and
 * what last happened to it.
 */
final class OpenOrders {
    /** A deadline this long past without moving the order counts as not fired (the scheduler polls in real time). */
    static final Duration GRACE = Duration.ofMinutes(30);

    private OpenOrders() {
    }

    static boolean open(WorkOrderState s) {
        return s != WorkOrderState.CLOSED && s != WorkOrderState.CANCELLED && s != WorkOrderState.ESCALATED;
    }

    /** The deadline that moves an order on from {@code state}, from the order's {@code deadlines} as JSON. */
    static Optional<Instant> due(WorkOrderState state, JsonObject deadlines) {
        String key = switch (state) {
            case RECEIVED, MATCHED, OFFERED, REOPENED -> "respondBy";
            case ACCEPTED -> "completeBy";
            case COMPLETED, ANSWERED -> "surveyAt";
            default -> null;
        };
        if (key == null || deadlines.getString(key) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(deadlines.getString(key)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Why {@code o} is still open at {@code now}: its deadline's standing, then its last event in short. */
    static String reason(DayReport.Order o, Instant now) {
        String deadline = switch (o.state()) {
            case RECEIVED, MATCHED, OFFERED, REOPENED -> "respond-by";
            case ACCEPTED -> "complete-by";
            case COMPLETED, ANSWERED -> "survey wait";
            default -> "no deadline in this state";
        };
        String standing = o.due().map(d -> d.isAfter(now) ? deadline + " still to come"
                : d.plus(GRACE).isAfter(now) ? deadline + " just passed" : deadline + " passed, order not moved")
                .orElse(o.state() == WorkOrderState.SURVEYED ? deadline : deadline + " not set");
        return standing + "; last: " + o.last().map(OpenOrders::shortly).orElse("no history");
    }

    /** The open orders by state, then by reason, the most common reason first within a state. */
    static Map<WorkOrderState, Map<String, Long>> byReason(List<DayReport.Order> orders, Instant now) {
        Map<WorkOrderState, Map<String, Long>> out = new EnumMap<>(WorkOrderState.class);
        orders.stream().filter(o -> open(o.state())).forEach(o -> out.computeIfAbsent(o.state(),
                s -> new TreeMap<>()).merge(reason(o, now), 1L, Long::sum));
        return out;
    }

    /** An event as a reason: who, and its details without numbers (ids, times) and cut short, so like ones group. */
    static String shortly(JsonObject event) {
        String details = event.getString("details", "").replaceAll("[0-9]+", "#").replaceAll("#([-:.T]#)+Z?", "#");
        int cut = details.indexOf(':');
        String head = cut > 0 && cut < 60 ? details.substring(0, cut) : details;
        return event.getString("actor", "?").replaceAll("[0-9]+", "#") + " "
                + (head.length() > 60 ? head.substring(0, 60) + "…" : head);
    }
}
