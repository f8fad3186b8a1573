package org.hotline81890.gateway.workorder;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the hotline's promise to a resident, "a provider is offered the job within 5 minutes" (issue 15), starts
 * counting (ADR 0053): once the resident has told the need. That is the request's arrival for a text or a web form
 * (an SMS counts from its arrival however late it was processed, ADR 0036; a text that waits for an agent to place it
 * waits on the hotline's clock), and the service chosen in the phone menu for a call that chose one. A call without a
 * menu choice tells its need to the agent: its clock starts when the agent places the order on a service (the ticket
 * form), so the queue wait and the talk are not counted against the provider's 5 minutes. The queue wait is measured
 * apart, by the GB/T 33358 service level (answered within 15 s from the call's arrival) on the wallboard.
 */
public final class PromiseClock {
    /** The promise: offered to a provider within this long of its start. */
    public static final Duration GOAL = Duration.ofMinutes(5);

    private PromiseClock() {
    }

    /**
     * @param channel     the order's own channel (the one it arrived by)
     * @param createdAt   when the order was opened (a text's arrival; a call's order while the greeting plays, or
     *                    after the menu choice)
     * @param firstPlaced when the order first had a service (its first move into MATCHED or ANSWERED), if it has
     */
    public static Instant startsAt(Channel channel, Instant createdAt, Optional<Instant> firstPlaced) {
        if (channel != Channel.PHONE) {
            return createdAt;
        }
        return firstPlaced.filter(t -> t.isAfter(createdAt)).orElse(createdAt);
    }
}
