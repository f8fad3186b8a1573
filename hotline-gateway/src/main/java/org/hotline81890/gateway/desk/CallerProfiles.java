package org.hotline81890.gateway.desk;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.voice.TerminalRegistry;
import org.hotline81890.gateway.workorder.PhoneNumbers;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/**
 * Use case: the caller's profile for the screen pop, read when a call rings. The care flags are the hotline's rules
 * for whom to treat with care: a registered one-key terminal (an elderly or disabled resident), a repeat caller
 * within {@link #REPEAT_WINDOW}, an unresolved complaint, a resident unsatisfied last time.
 */
public final class CallerProfiles {
    /** A caller who opened another request within this window is a repeat caller (重复来电). */
    public static final Duration REPEAT_WINDOW = Duration.ofDays(7);
    static final int HISTORY = 10;
    private static final String ANONYMOUS = PhoneNumbers.normalise(null);
    static final int OPEN = 20;
    private final WorkOrderStore store;
    private final CallerRecords records;
    private final TerminalRegistry terminals;
    private final Clock clock;

    public CallerProfiles(WorkOrderStore store, CallerRecords records, TerminalRegistry terminals, Clock clock) {
        this.store = store;
        this.records = records;
        this.terminals = terminals;
        this.clock = clock;
    }

    /** The profile of {@code callerNumber}; {@code thisCall} (the order the intake opened) is left out of it. */
    public CallerProfile of(String callerNumber, Optional<WorkOrderId> thisCall) {
        String number;
        try {
            number = PhoneNumbers.normalise(callerNumber);
        } catch (IllegalArgumentException e) {
            return CallerProfile.UNKNOWN;
        }
        if (number.equals(ANONYMOUS)) {
            // Withheld numbers share one key: their "history" would be strangers' requests.
            return CallerProfile.UNKNOWN;
        }
        List<WorkOrder> history = others(store.listByCaller(number, HISTORY + 1), thisCall);
        List<WorkOrder> open = others(records.openOrders(number, OPEN + 1), thisCall);
        return new CallerProfile(history.subList(0, Math.min(HISTORY, history.size())),
                open.subList(0, Math.min(OPEN, open.size())), records.lastSurvey(number), terminals.find(number),
                records.ordersSince(number, clock.instant().minus(REPEAT_WINDOW), thisCall));
    }

    private static List<WorkOrder> others(List<WorkOrder> orders, Optional<WorkOrderId> thisCall) {
        return orders.stream().filter(w -> thisCall.isEmpty() || !w.id().equals(thisCall.get())).toList();
    }
}
