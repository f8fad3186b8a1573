package org.hotline81890.simulators.agi;

import java.util.Objects;

/**
 * A reply to one command.
 *
 * @param text      the reply lines without the final LF
 * @param hangsUp   the channel went down while this command ran: an out-of-band {@code HANGUP} follows the reply
 */
record AgiReply(String text, boolean hangsUp) {
    static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";
    static final String UNKNOWN = "510 Invalid or unknown command";

    AgiReply {
        Objects.requireNonNull(text, "text");
    }

    static AgiReply of(String text) {
        return new AgiReply(text, false);
    }

    static AgiReply result(int n) {
        return of("200 result=" + n);
    }

    static AgiReply hungUp(String text) {
        return new AgiReply(text, true);
    }

    static AgiReply usage(String usage) {
        return of("520-Invalid command syntax.  Proper usage follows:\n" + usage + "\n520 End of proper usage.");
    }
}
