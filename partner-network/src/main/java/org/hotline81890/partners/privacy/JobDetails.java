package org.hotline81890.partners.privacy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.hotline81890.partners.Area;
import org.hotline81890.partners.PhoneNumber;
import org.hotline81890.partners.ServiceCode;

/** Everything the hotline knows about a job, from the work order. Never shown to a provider as is: see JobViews. */
public record JobDetails(ServiceCode service, String serviceName, Area area, String address, PhoneNumber residentPhone,
        Instant wantedFrom, Optional<Instant> wantedUntil, String description) {
    public JobDetails {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(residentPhone, "residentPhone");
        Objects.requireNonNull(wantedFrom, "wantedFrom");
        Objects.requireNonNull(wantedUntil, "wantedUntil");
        Objects.requireNonNull(description, "description");
    }
}
