package org.hotline81890.partners.dispatch;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.hotline81890.partners.Area;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ServiceCode;

/**
 * One job to place.
 *
 * @param excluded providers already offered this work order (declined, timed out, cancelled): never again
 * @param avoid    providers to rank last, e.g. the one whose work the resident found unsatisfying before a reopen
 */
public record DispatchRequest(
        ServiceCode service, Area area, Instant now, Set<ProviderId> excluded, Set<ProviderId> avoid) {

    public DispatchRequest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(now, "now");
        excluded = Set.copyOf(excluded);
        avoid = Set.copyOf(avoid);
    }

    public static DispatchRequest of(ServiceCode service, Area area, Instant now) {
        return new DispatchRequest(service, area, now, Set.of(), Set.of());
    }
}
