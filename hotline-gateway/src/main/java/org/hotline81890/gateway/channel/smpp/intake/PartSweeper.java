package org.hotline81890.gateway.channel.smpp.intake;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands on long messages whose missing parts never came (reassembly timeout), marked incomplete. Run it
 * periodically on a virtual thread; a message whose handler says Retry stays staged and is tried next time.
 */
public final class PartSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(PartSweeper.class);

    private final Reassembler reassembler;
    private final InboundSmsHandler inbound;

    public PartSweeper(Reassembler reassembler, InboundSmsHandler inbound) {
        this.reassembler = Objects.requireNonNull(reassembler, "reassembler");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
    }

    /** @return how many incomplete messages were committed in this run */
    public int sweepOnce() {
        int committed = 0;
        for (Reassembler.Ready ready : reassembler.expired()) {
            InboundOutcome outcome = inbound.handle(ready.sms());
            if (outcome instanceof InboundOutcome.Committed) {
                ready.staged().ifPresent(reassembler::done);
                committed++;
                LOG.info("Incomplete long SMS handed on after timeout ({}/{} parts)", ready.sms().partsReceived(),
                        ready.sms().partsExpected());
            } else {
                LOG.warn("Incomplete long SMS not committed yet: {}", outcome);
            }
        }
        return committed;
    }
}
