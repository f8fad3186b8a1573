package org.hotline81890.partners;

import java.util.Locale;

/**
 * Who a provider is. The directory's {@code provider_kind} column maps as: {@code government} to
 * {@link #DEPARTMENT}, {@code partner} to {@link #PARTNER_COMPANY}, {@code volunteer} to either volunteer kind.
 */
public enum ProviderKind {
    DEPARTMENT,
    PARTNER_COMPANY,
    VOLUNTEER_INDIVIDUAL,
    VOLUNTEER_TEAM;

    public boolean isVolunteer() {
        return this == VOLUNTEER_INDIVIDUAL || this == VOLUNTEER_TEAM;
    }

    /** Paid work is what fairness among partner companies is about. */
    public boolean isPaid() {
        return this == PARTNER_COMPANY;
    }

    /** Whether this kind may provide a service whose directory {@code provider_kind} is the given text. */
    public boolean servesDirectoryKind(String directoryKind) {
        return switch (directoryKind.strip().toLowerCase(Locale.ROOT)) {
            case "government" -> this == DEPARTMENT;
            case "partner" -> this == PARTNER_COMPANY;
            case "volunteer" -> isVolunteer();
            default -> false;
        };
    }
}
