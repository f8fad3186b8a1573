package org.hotline81890.gateway.channel.agi;

import java.util.Optional;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/**
 * {@code agi://HOST/status}: the caller keys a ticket number (9 digits, # to end); its state is read back as "ticket
 * number" + SayDigits + the state's prompt. Three tries; a typo fails the Damm check and is asked again. Only the
 * state is said, nothing personal, so the ticket number alone is enough.
 */
public final class StatusScript extends VoiceScript {
    private static final int TRIES = 3;
    private final WorkOrderStore store;

    public StatusScript(WorkOrderStore store) {
        this.store = store;
    }

    @Override
    protected String name() {
        return "status";
    }

    @Override
    protected void run(CallInfo call, AgiChannel ch) throws AgiException {
        ch.answer();
        for (int i = 0; i < TRIES; i++) {
            Keys keys = Keys.read(ch, Prompts.ENTER_TICKET, 10_000, TicketNumber.LENGTH);
            if (keys instanceof Keys.HungUp) {
                return;
            }
            Optional<WorkOrder> order = keys instanceof Keys.Digits d && TicketNumber.isValid(d.value())
                    ? store.findByTicket(TicketNumber.of(d.value()))
                    : Optional.empty();
            if (order.isPresent()) {
                readBack(ch, order.get());
                return;
            }
            if (keys instanceof Keys.Digits) {
                Playback.play(ch, Prompts.TICKET_UNKNOWN);
            }
        }
        ch.setVariable("HOTLINE_STATUS", "NOT_FOUND");
        Playback.play(ch, Prompts.GOODBYE);
    }

    private static void readBack(AgiChannel ch, WorkOrder w) throws AgiException {
        ch.setVariable("HOTLINE_STATE", w.state().name());
        ch.setVariable("HOTLINE_STATUS", "OK");
        Playback.play(ch, Prompts.TICKET_IS);
        ch.sayDigits(w.ticket().value());
        Playback.play(ch, Prompts.state(w.state()));
        Playback.play(ch, Prompts.GOODBYE);
    }
}
