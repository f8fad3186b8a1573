package org.hotline81890.gateway.channel.smpp.intake;

import java.util.Objects;

/** What the work-order side did with an inbound SMS or a receipt; decides the deliver_sm_resp status. */
public sealed interface InboundOutcome {

    /** Durably stored (or found already stored): the SMSC gets OK. */
    record Committed(String ticketOrRef) implements InboundOutcome {
        public Committed {
            Objects.requireNonNull(ticketOrRef, "ticketOrRef");
        }
    }

    /** Not stored (storage unavailable): the SMSC gets ESME_RX_T_APPN and delivers again later. */
    record Retry(String reason) implements InboundOutcome {
        public Retry {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
