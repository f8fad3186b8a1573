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

    /** The outcome, with the short Chinese text to send back to the provider. */
    sealed interface Result {
        record Done(String replyZh) implements Result {
        }

        record Refused(String replyZh) implements Result {
        }
    }
}
