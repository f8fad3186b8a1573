package org.hotline81890.partners.offer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.hotline81890.partners.Area;
import org.hotline81890.partners.ServiceCode;

/**
 * The part of a work order dispatch needs; carried on every offer so a decline or timeout can re-dispatch.
 *
 * @param words     the resident's request in their words: tells apart the providers of a shared service
 *                  ({@link org.hotline81890.partners.dispatch.SharedServices}); never shown to a provider before
 *                  they accept
 * @param respondBy the work order's respond-by promise to the resident: a provider's answer window ends by it
 * @param completeBy the work order's complete-by promise: a department's handling deadline
 */
public record DispatchJob(WorkOrderRef workOrder, ServiceCode service, Area area, RequestKind requestKind,
        boolean emergency, String words, Optional<Instant> respondBy, Optional<Instant> completeBy) {
    public DispatchJob {
        Objects.requireNonNull(workOrder, "work order");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(requestKind, "request kind");
        words = words == null ? "" : words;
        Objects.requireNonNull(respondBy, "respondBy");
        Objects.requireNonNull(completeBy, "completeBy");
    }

    /** A job without the request's words or the work order's promises (stored offers, tests). */
    public DispatchJob(WorkOrderRef workOrder, ServiceCode service, Area area, RequestKind requestKind,
            boolean emergency) {
        this(workOrder, service, area, requestKind, emergency, "", Optional.empty(), Optional.empty());
    }
}
