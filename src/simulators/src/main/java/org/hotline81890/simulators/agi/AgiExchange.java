package org.hotline81890.simulators.agi;

import java.time.Duration;
import java.util.Objects;

/**
 * One command the FastAGI server sent and what the simulator answered.
 *
 * @param command       the command line without its LF
 * @param reply         the reply without its final LF (a 520 reply spans several lines)
 * @param serverLatency time from the end of our previous write (env block or reply) until this command's LF
 *                      arrived: the round trip the FastAGI server adds
 */
public record AgiExchange(String command, String reply, Duration serverLatency) {
    public AgiExchange {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(serverLatency, "serverLatency");
    }

    /** The upper-cased command words before the first argument, e.g. {@code SET VARIABLE}. */
    public String verb() {
        return AgiCommandTable.verbOf(command);
    }
}
