package org.hotline81890.gateway.channel.agi;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.hotline81890.gateway.voice.OneKeyTerminal;
import org.hotline81890.gateway.voice.TerminalRegistry;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.PhoneNumbers;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.RequestType;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code agi://HOST/intake}: answers, opens (or, on re-entry with the same uniqueid, finds) the call's work order
 * while the greeting plays, sets HOTLINE_TICKET / HOTLINE_WORKORDER / HOTLINE_QUEUE / HOTLINE_PRIORITY /
 * QUEUE_PRIO and returns to the dialplan, which queues the caller. One-key terminals get emergency priority and
 * the priority queue with a jump. Outside opening hours the caller may leave a callback request instead.
 */
public final class IntakeScript extends VoiceScript {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeScript.class);
    /** One step of holding after the greeting while the order commits (Wait's argument, seconds). */
    static final String HOLD_STEP = "0.25";
    private final Intake intake;
    private final WorkOrderStore store;
    private final TerminalRegistry terminals;
    private final CallRouting.Queues queues;
    private final OpeningHours hours;
    private final String greeting;
    private final int recentOrders;
    private final Optional<MenuStep> menu;
    private final Clock clock;
    private final IntakeLanes lanes;
    private final AfterHours afterHours;

    public IntakeScript(Intake intake, WorkOrderStore store, TerminalRegistry terminals, CallRouting.Queues queues,
                 OpeningHours hours, String greeting, int recentOrders, Optional<MenuStep> menu, Clock clock,
                 IntakeLanes lanes, AfterHours afterHours) {
        this.lanes = lanes;
        this.afterHours = afterHours;
        this.intake = intake;
        this.store = store;
        this.terminals = terminals;
        this.queues = queues;
        this.hours = hours;
        this.greeting = greeting;
        this.recentOrders = recentOrders;
        this.menu = menu;
        this.clock = clock;
    }

    @Override
    protected String name() {
        return "intake";
    }

    @Override
    protected void run(CallInfo call, AgiChannel ch) throws AgiException {
        ch.answer();
        if (!hours.isOpen(clock.instant())) {
            afterHours.offerCallback(call, ch);
            return;
        }
        CallRouting routing;
        if (menu.isPresent()) {
            Playback.play(ch, greeting);
            Optional<String> service = menu.get().choose(ch);
            routing = await(lanes.submit(() -> open(call, service)));
        } else {
            // The order commits while the greeting plays: the caller waits for neither alone.
            Future<CallRouting> opening = lanes.submit(() -> open(call, Optional.empty()));
            Playback.play(ch, greeting);
            // Not committed yet (a busy database): the caller holds in short Waits, so that no AGI command waits
            // on the transaction; the lane wait (agi.lane-wait) bounds this.
            while (!opening.isDone()) {
                ch.exec("Wait", HOLD_STEP);
            }
            routing = await(opening);
        }
        MDC.put("workOrder", routing.workOrder().id().toString());
        for (Map.Entry<String, String> v : routing.variables().entrySet()) {
            ch.setVariable(v.getKey(), v.getValue());
        }
    }

    /**
     * Storage down: no ticket, but a person can still answer. HOTLINE_STATUS=FAILED and no prompt; the dialplan
     * queues the caller without a ticket (the call record follows from the queue events once storage is back).
     */
    @Override
    protected void storageDown(AgiChannel ch) throws AgiException {
        ch.setVariable("HOTLINE_STATUS", "FAILED");
    }

    private CallRouting open(CallInfo call, Optional<String> service) {
        String number = PhoneNumbers.normalise(call.callerNumber());
        Optional<OneKeyTerminal> terminal = terminals.find(number);
        List<WorkOrder> recent = recentOrders == 0 ? List.of() : store.listByCaller(number, recentOrders);
        // An ordinary call has no text yet (the agent writes it); a terminal call carries the profile.
        String text = terminal.map(OneKeyTerminal::workOrderText).orElse("");
        IntakeRequest request = IntakeRequest.of(call.intakeKey(), Channel.PHONE, number, text).withHints(
                terminal.map(t -> RequestType.HELP), service,
                terminal.map(t -> Priority.EMERGENCY));
        // A deadlock victim is rerun by the storage layer (Transactions): no retry here.
        WorkOrder order = switch (intake.receive(request)) {
            case IntakeResult.Accepted a -> {
                LOG.info("call {} opened work order {} ({}){}", PhoneNumbers.mask(number), a.workOrder().id(),
                        a.workOrder().priority().wire(), terminal.isPresent() ? " from a one-key terminal" : "");
                yield a.workOrder();
            }
            case IntakeResult.Duplicate d -> d.workOrder();
            case IntakeResult.Refused r -> throw new IllegalStateException("intake refused a call: " + r.reason());
        };
        return CallRouting.decide(order, terminal, recent, queues);
    }

    private static CallRouting await(Future<CallRouting> opening) {
        try {
            return opening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the work order", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
