package org.hotline81890.gateway.channel.smpp.intake;

import java.util.Objects;
import java.util.Optional;

import org.hotline81890.partners.kpi.SurveyAnswer;

/**
 * What an incoming SMS asks for. Ticket numbers are 9 digits (8 + a Damm check digit), already normalised
 * (no spaces or dashes). An absent ticket means "my latest" for a query, "the offer I was just sent" for a
 * partner command.
 */
public sealed interface SmsCommand {

    record QueryStatus(Optional<String> ticket) implements SmsCommand {
        public QueryStatus {
            Objects.requireNonNull(ticket, "ticket");
        }
    }

    /** 1/2/3 or 满意/基本满意/不满意: the resident answers the survey of their latest completed order. */
    record SurveyReply(SurveyAnswer answer) implements SmsCommand {
        public SurveyReply {
            Objects.requireNonNull(answer, "answer");
            if (!answer.isAnswer()) {
                throw new IllegalArgumentException("a reply is an answer, not " + answer);
            }
        }
    }

    record StopNotifications() implements SmsCommand {
    }

    record StartNotifications() implements SmsCommand {
    }

    record AcceptJob(Optional<String> ticket) implements SmsCommand {
        public AcceptJob {
            Objects.requireNonNull(ticket, "ticket");
        }
    }

    record DeclineJob(Optional<String> ticket, Optional<String> reason) implements SmsCommand {
        public DeclineJob {
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(reason, "reason");
        }
    }

    record CompleteJob(Optional<String> ticket, Optional<String> note) implements SmsCommand {
        public CompleteJob {
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(note, "note");
        }
    }

    /**
     * A department asks for more time on a transfer (延期 ticket hours reason); {@code hours} is empty when the text
     * gave none (the reply says how to ask).
     */
    record ExtendJob(Optional<String> ticket, Optional<Integer> hours, Optional<String> reason) implements SmsCommand {
        public ExtendJob {
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(hours, "hours");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A provider is on the way (出发 / CF / START + ticket). */
    record StartJob(Optional<String> ticket) implements SmsCommand {
        public StartJob {
            Objects.requireNonNull(ticket, "ticket");
        }
    }

    /** A provider asks to be put through to the resident (呼叫 / HJ / CALL + ticket): a call bridged by 81890. */
    record CallResident(Optional<String> ticket) implements SmsCommand {
        public CallResident {
            Objects.requireNonNull(ticket, "ticket");
        }
    }

    /** A resident answers the address question (地址 / DZ + the address, as typed). */
    record GiveAddress(String address) implements SmsCommand {
        public GiveAddress {
            Objects.requireNonNull(address, "address");
        }
    }

    /** A command word followed by something that looks like a ticket number but fails the length or check. */
    record InvalidTicket(String command, String given) implements SmsCommand {
        public InvalidTicket {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(given, "given");
        }
    }

    /** Not a command: a request for the hotline (becomes a work order). */
    record OrdinaryRequest(String text) implements SmsCommand {
        public OrdinaryRequest {
            Objects.requireNonNull(text, "text");
        }
    }
}
