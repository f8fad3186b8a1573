package org.hotline81890.gateway.people;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One view of a resident's full number or history by a person: a row of the append-only audit. */
public record PersonalDataView(Instant at, long personId, String login, What what, Optional<String> workOrder,
                               Optional<String> callerNumber) {
    /** What was shown. */
    public enum What { NUMBER, HISTORY, ORDER }

    public PersonalDataView {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(workOrder, "workOrder");
        Objects.requireNonNull(callerNumber, "callerNumber");
    }
}
