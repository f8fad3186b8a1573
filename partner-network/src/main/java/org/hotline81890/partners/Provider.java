package org.hotline81890.partners;

import java.util.Objects;
import java.util.Set;

/** A department, partner company or volunteer (individual or team) that the hotline dispatches work to. */
public record Provider(
        ProviderId id,
        ProviderKind kind,
        String name,
        Set<ServiceCode> services,
        Coverage coverage,
        OpeningHours hours,
        Capacity capacity,
        ContactChannels contact,
        ProviderStatus status,
        Rating rating) {

    public Provider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rating, "rating");
        name = name.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new IllegalArgumentException("provider name must be 1..100 characters");
        }
        services = Set.copyOf(services);
        if (services.isEmpty()) {
            throw new IllegalArgumentException("provider " + id + " provides no service");
        }
    }

    public boolean provides(ServiceCode service) {
        return services.contains(service);
    }

    public boolean isActive() {
        return status == ProviderStatus.ACTIVE;
    }

    public Provider withStatus(ProviderStatus newStatus) {
        return new Provider(id, kind, name, services, coverage, hours, capacity, contact, newStatus, rating);
    }

    public Provider withRating(Rating newRating) {
        return new Provider(id, kind, name, services, coverage, hours, capacity, contact, status, newRating);
    }
}
