package org.hotline81890.simulators.agi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened in one simulated call.
 *
 * @param uniqueId     the call's {@code agi_uniqueid}
 * @param exchanges    every command received with its reply, in order
 * @param variablesSet every SET VARIABLE / EXEC Set, in order (a name may appear more than once)
 * @param variables    the channel variables at the end of the call
 * @param hangup       who hung the channel up, if anyone
 * @param outOfBandHangups how many unsolicited {@code HANGUP} lines were sent (including the one at half-close)
 * @param serverClosed true when the FastAGI server closed (or half-closed) the connection
 * @param failure      an I/O problem that ended the call early (connect refused, read timeout)
 * @param agiStatus    what AGI() leaves in {@code AGISTATUS}: SUCCESS, FAILURE (refused connection, or a command
 *                     that failed on a live channel, e.g. STREAM FILE of a missing prompt) or HANGUP
 * @param duration     from connect to close
 */
public record AgiCallResult(
        String uniqueId, List<AgiExchange> exchanges, List<VariableSet> variablesSet, Map<String, String> variables,
        HangupSource hangup, int outOfBandHangups, boolean serverClosed, Optional<String> failure,
        String agiStatus, Duration duration) {

    public AgiCallResult {
        Objects.requireNonNull(uniqueId, "uniqueId");
        exchanges = List.copyOf(exchanges);
        variablesSet = List.copyOf(variablesSet);
        variables = Map.copyOf(variables);
        Objects.requireNonNull(hangup, "hangup");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(agiStatus, "agiStatus");
        Objects.requireNonNull(duration, "duration");
    }

    /** Who ended the channel. */
    public enum HangupSource { NONE, SCRIPT, CALLER }

    /** One variable assignment the script made. */
    public record VariableSet(String name, String value) {
        public VariableSet {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public boolean hungUp() {
        return hangup != HangupSource.NONE;
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    public List<String> commands() {
        return exchanges.stream().map(AgiExchange::command).toList();
    }

    public List<Duration> latencies() {
        return exchanges.stream().map(AgiExchange::serverLatency).toList();
    }
}
