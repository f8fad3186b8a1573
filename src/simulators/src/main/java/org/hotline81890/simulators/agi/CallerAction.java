package org.hotline81890.simulators.agi;

/** What the simulated caller does when a command waits for input (GET DATA, WAIT FOR DIGIT, a prompt). */
public sealed interface CallerAction {

    /** Keys DTMF digits ({@code 0-9 * #}); a command that needs fewer leaves the rest for the next one. */
    record Press(String digits) implements CallerAction {
        public Press {
            if (digits == null || digits.isEmpty() || !digits.matches("[0-9*#A-D]+")) {
                throw new IllegalArgumentException("not DTMF digits: " + digits);
            }
        }
    }

    /** Presses nothing: the command runs to its timeout (or the prompt plays to its end). */
    record Silence() implements CallerAction {
    }

    /** Hangs up while the command runs: it returns {@code 200 result=-1}, then {@code HANGUP} follows. */
    record HangUp() implements CallerAction {
    }

    static CallerAction press(String digits) {
        return new Press(digits);
    }

    static CallerAction silence() {
        return new Silence();
    }

    static CallerAction hangUp() {
        return new HangUp();
    }
}
