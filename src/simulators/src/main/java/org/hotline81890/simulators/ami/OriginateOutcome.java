package org.hotline81890.simulators.ami;

import java.time.Duration;

/**
 * How an originated call ends up. {@code reason} is the {@code Reason} of OriginateResponse (Asterisk's last
 * control frame: 4 answered, 3 rang without answer, 5 busy, 0 failed/no such extension).
 */
public sealed interface OriginateOutcome {

    int reason();

    /** @param answerPriority the dialplan priority of the Answer() on the ;2 side (shown in its Newstate) */
    record Answered(int answerPriority) implements OriginateOutcome {
        public int reason() {
            return 4;
        }
    }

    record NoAnswer() implements OriginateOutcome {
        public int reason() {
            return 3;
        }
    }

    record Busy() implements OriginateOutcome {
        public int reason() {
            return 5;
        }
    }

    /** No such extension or channel: Asterisk's own failure (captured in ami-originate.txt). */
    record Failed() implements OriginateOutcome {
        public int reason() {
            return 0;
        }
    }

    /**
     * The phone rings for {@code ringing}, then answers, unless the Originate's {@code Timeout} (ms, Asterisk's
     * default 30000) runs out first: then it ends as {@link NoAnswer} at that timeout, as Asterisk does.
     */
    record AnsweredAfter(Duration ringing) implements OriginateOutcome {
        public int reason() {
            return 4;
        }
    }

    static OriginateOutcome answered() {
        return new Answered(1);
    }
}
