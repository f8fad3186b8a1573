package org.hotline81890.simulators.agi;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The behaviour of one simulated caller.
 *
 * <p>{@code inputs} are consumed in order by the commands that wait for the caller: GET DATA takes a whole
 * {@link CallerAction.Press}, WAIT FOR DIGIT takes one digit of it, a prompt (STREAM FILE, CONTROL STREAM FILE,
 * SAY ...) takes a press only when its first digit is one of the command's escape digits, and a
 * {@link CallerAction.HangUp} stops whichever blocking command comes next. When the inputs run out the caller is
 * silent. {@code hangUpAfterCommand} hangs up while the FastAGI server is idle: right after the reply to that
 * command (1-based), as in {@code fastagi-remote-hangup.txt}.
 */
public record CallerScript(List<CallerAction> inputs, OptionalInt hangUpAfterCommand) {

    public CallerScript {
        inputs = List.copyOf(inputs);
        if (hangUpAfterCommand.isPresent() && hangUpAfterCommand.getAsInt() < 1) {
            throw new IllegalArgumentException("hangUpAfterCommand must be >= 1: " + hangUpAfterCommand);
        }
    }

    /** A caller who presses nothing and never hangs up (the script decides when the call ends). */
    public static CallerScript silent() {
        return new CallerScript(List.of(), OptionalInt.empty());
    }

    public static CallerScript of(CallerAction... inputs) {
        return new CallerScript(List.of(inputs), OptionalInt.empty());
    }

    /** Shorthand: the caller keys each string in turn, e.g. {@code pressing("1", "2611230001#")}. */
    public static CallerScript pressing(String... digits) {
        List<CallerAction> actions = new ArrayList<>();
        for (String d : digits) {
            actions.add(new CallerAction.Press(d));
        }
        return new CallerScript(actions, OptionalInt.empty());
    }

    public CallerScript then(CallerAction action) {
        List<CallerAction> more = new ArrayList<>(inputs);
        more.add(action);
        return new CallerScript(more, hangUpAfterCommand);
    }

    public CallerScript hangingUpAfterCommand(int commandNumber) {
        return new CallerScript(inputs, OptionalInt.of(commandNumber));
    }
}
