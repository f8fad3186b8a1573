package org.hotline81890.gateway.workorder;

import java.time.Duration;

/**
 * Driven port: what a registered provider (partner company or volunteer) can do about a job by SMS, phone or portal:
 * accept, decline, complete; a department also asks for an extension. The partner network implements it; the SMS
 * channel calls it.
 */
public interface JobCommands {
    /** For a hotline with no partner network wired: nobody is a provider. */
    JobCommands NONE = new JobCommands() {
        @Override
        public boolean isProviderNumber(String phone) {
            return false;
        }

        @Override
        public Result accept(String phone, TicketNumber ticket) {
            return new Result.Refused("该号码未登记为服务商");
        }

        @Override
        public Result decline(String phone, TicketNumber ticket, String reason) {
            return new Result.Refused("该号码未登记为服务商");
        }

        @Override
        public Result complete(String phone, TicketNumber ticket, String note) {
            return new Result.Refused("该号码未登记为服务商");
        }

        @Override
        public Result extend(String phone, TicketNumber ticket, Duration extra, String reason) {
            return new Result.Refused("该号码未登记为服务商");
        }
    };

    boolean isProviderNumber(String phone);

    Result accept(String phone, TicketNumber ticket);

    Result decline(String phone, TicketNumber ticket, String reason);

    Result complete(String phone, TicketNumber ticket, String note);

    /** A department asks for {@code extra} time on a transfer it holds, before its handling deadline. */
    Result extend(String phone, TicketNumber ticket, Duration extra, String reason);

    /** The provider is on the way (出发): the resident is told, the history records it. */
    default Result start(String phone, TicketNumber ticket) {
        return new Result.Refused("该号码未登记为服务商");
    }

    /** The provider asks the hotline to ring them and then the resident (呼叫): neither sees the other's number. */
    default Result callResident(String phone, TicketNumber ticket) {
        return new Result.Refused("该号码未登记为服务商");
    }

    /** What to send when the resident adds an address to an order ({@link AddressQuestion}): the job holder's note. */
    default java.util.List<OutboxMessage> addressNotice(WorkOrder w, String address) {
        return java.util.List.of();
    }

    /** The outcome, with the short Chinese text to send back to the provider. */
    sealed interface Result {
        record Done(String replyZh) implements Result {
        }

        record Refused(String replyZh) implements Result {
        }
    }
}
