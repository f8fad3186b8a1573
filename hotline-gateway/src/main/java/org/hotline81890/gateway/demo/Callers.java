package org.hotline81890.gateway.demo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hotline81890.simulators.RingAgent;
import org.hotline81890.simulators.agi.CallerScript;
import org.hotline81890.simulators.ami.AmiServerSimulator;

/**
 * Residents who phone: the simulated Asterisk runs the FastAGI intake against the gateway (the caller keys the
 * service in the directory's menu, so the order is matched and dispatched), the call joins queue {@code hotline}, and
 * an agent answers: the printed demo agent when their desk is ready (their desk pops on AgentCalled), otherwise one
 * of the simulated agents. A few callers give up waiting.
 */
final class Callers {
    static final String QUEUE = "hotline";
    static final List<String> SIMULATED_AGENTS = List.of("2001", "2002", "2003", "2004", "2005", "2006");
    private final AmiServerSimulator ami;
    private final RingAgent ring;
    private final String agiHost;
    private final int agiPort;
    private final SimSchedule schedule;
    private final Behaviour behaviour;
    private final Ledger ledger;
    private final String humanExtension;
    private final AtomicBoolean humanBusy = new AtomicBoolean();

    Callers(AmiServerSimulator ami, String agiHost, int agiPort, SimSchedule schedule, Behaviour behaviour,
            Ledger ledger, String humanExtension) {
        this.ami = ami;
        this.ring = new RingAgent(ami, QUEUE);
        this.agiHost = agiHost;
        this.agiPort = agiPort;
        this.schedule = schedule;
        this.behaviour = behaviour;
        this.ledger = ledger;
        this.humanExtension = humanExtension;
    }

    void call(String number, List<String> menuKeys) {
        RingAgent.Queued call = ring.queue(agiHost, agiPort, number,
                CallerScript.pressing(menuKeys.toArray(String[]::new)));
        call.intakeFailure().ifPresent(f -> ledger.count("phone.intake-failed"));
        call.ticket().ifPresent(t -> ledger.ticket(t, "phone"));
        Duration hold = behaviour.hold();
        if (behaviour.nextDouble() < 0.03) {
            schedule.after(hold, () -> {
                ledger.count("phone.abandoned");
                ring.abandon(call, hold);
            });
            return;
        }
        if (humanReady() && humanBusy.compareAndSet(false, true)) {
            ring.ring(call, humanExtension);
            answer(call, humanExtension, Duration.ofSeconds(6), () -> humanBusy.set(false));
            return;
        }
        String agent = SIMULATED_AGENTS.get(behaviour.nextInt(SIMULATED_AGENTS.size()));
        schedule.after(hold, () -> {
            ring.ring(call, agent);
            answer(call, agent, hold, () -> {
            });
        });
    }

    private void answer(RingAgent.Queued call, String agent, Duration hold, Runnable free) {
        Duration talk = behaviour.talk();
        schedule.after(Duration.ofSeconds(5), () -> ring.answer(call, agent, hold));
        schedule.after(talk, () -> {
            ring.complete(call, agent, hold, talk);
            ledger.count("phone.answered");
            free.run();
        });
    }

    private boolean humanReady() {
        return ami.queue(QUEUE).flatMap(q -> q.findMember("PJSIP/" + humanExtension)).map(m -> !m.paused())
                .orElse(false);
    }
}
