package org.hotline81890.gateway.dispatch;

/**
 * What became of a supervisor's action (督办): done (the message says what), nothing to act on, or refused with a
 * reason to show; a refused or unknown action changed nothing.
 */
public sealed interface SupervisorOutcome {
    /** The action took effect. */
    record Done(String message) implements SupervisorOutcome {
    }

    /** No such order, request or provider. [404] */
    record NotFound(String message) implements SupervisorOutcome {
    }

    /** The input is wrong (a blank reason, a provider that does not do this service). [400] */
    record Invalid(String message) implements SupervisorOutcome {
    }

    /** The order or request is not in a state that allows it. [409] */
    record Conflict(String message) implements SupervisorOutcome {
    }
}
