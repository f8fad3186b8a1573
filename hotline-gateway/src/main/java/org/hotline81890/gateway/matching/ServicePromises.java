package org.hotline81890.gateway.matching;

import java.time.Instant;
import java.util.Optional;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.Service;
import org.hotline81890.directory.Sla;
import org.hotline81890.gateway.workorder.Deadlines;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.WorkOrder;

/**
 * The work order's promises (respond-by, complete-by) counted from another moment than its arrival, by the same
 * directory SLA the intake used: a request held for the night is promised from the moment it is offered (ADR 0019).
 */
public final class ServicePromises {
    private final Directory directory;

    public ServicePromises(Directory directory) {
        this.directory = directory;
    }

    /** The order's deadlines counted from {@code start}; unchanged when its service is unknown. */
    public Deadlines countedFrom(WorkOrder w, Instant start) {
        Optional<Service> service = w.serviceCode().flatMap(directory::find);
        if (service.isEmpty()) {
            return w.deadlines();
        }
        Sla sla = service.get().sla(w.requestType(), w.priority() == Priority.EMERGENCY);
        return new Deadlines(
                Optional.of(start.plus(WorkingDays.from(start, sla.respondBy(), DirectoryClassifier.HOTLINE_ZONE))),
                Optional.of(start.plus(WorkingDays.from(start, sla.completeBy(), DirectoryClassifier.HOTLINE_ZONE))),
                w.deadlines().surveyAt());
    }
}
