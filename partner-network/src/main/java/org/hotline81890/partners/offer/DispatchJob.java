package org.hotline81890.partners.offer;

import java.util.Objects;

import org.hotline81890.partners.Area;
import org.hotline81890.partners.ServiceCode;

/** The part of a work order dispatch needs; carried on every offer so a decline or timeout can re-dispatch. */
public record DispatchJob(WorkOrderRef workOrder, ServiceCode service, Area area, RequestKind requestKind,
        boolean emergency) {
    public DispatchJob {
        Objects.requireNonNull(workOrder, "work order");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(requestKind, "request kind");
    }
}
