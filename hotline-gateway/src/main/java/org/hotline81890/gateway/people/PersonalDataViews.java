package org.hotline81890.gateway.people;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Records who saw which resident's data before it is shown, and lets supervisors read the record. */
public final class PersonalDataViews {
    private final AuditLog log;
    private final Clock clock;

    public PersonalDataViews(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** Called before the page with the data is sent: no record, no data. */
    public void record(Person viewer, PersonalDataView.What what, Optional<String> workOrder,
                       Optional<String> callerNumber) {
        log.append(new PersonalDataView(clock.instant(), viewer.id(), viewer.login(), what, workOrder, callerNumber));
    }

    public List<PersonalDataView> newest(int limit) {
        return log.newest(Math.max(1, Math.min(limit, 1000)));
    }
}
