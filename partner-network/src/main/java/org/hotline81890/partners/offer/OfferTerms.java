package org.hotline81890.partners.offer;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.hotline81890.partners.ServiceCode;

/**
 * Deadlines and limits for offers (configuration, read once at startup).
 *
 * @param acceptTimeout           how long a partner or volunteer has to accept (default 5 minutes)
 * @param acceptTimeoutByService  per-service overrides of {@code acceptTimeout}
 * @param departmentSignTimeout   how long a department has to sign for a transfer
 * @param maxExtensions           how many handling-deadline extensions a department may get per transfer
 * @param maxExtension            the longest single extension
 * @param fairnessWindow          how far back paid jobs count for fairness among partner companies
 */
public record OfferTerms(Duration acceptTimeout, Map<ServiceCode, Duration> acceptTimeoutByService,
        Duration departmentSignTimeout, int maxExtensions, Duration maxExtension, Duration fairnessWindow) {

    public static final OfferTerms DEFAULTS = new OfferTerms(Duration.ofMinutes(5), Map.of(), Duration.ofHours(2), 1,
            Duration.ofDays(5), Duration.ofDays(30));

    public OfferTerms {
        positive(acceptTimeout, "acceptTimeout");
        positive(departmentSignTimeout, "departmentSignTimeout");
        positive(maxExtension, "maxExtension");
        positive(fairnessWindow, "fairnessWindow");
        acceptTimeoutByService = Map.copyOf(acceptTimeoutByService);
        acceptTimeoutByService.forEach((service, timeout) -> positive(timeout, "acceptTimeout for " + service));
        if (maxExtensions < 0) {
            throw new IllegalArgumentException("maxExtensions cannot be negative");
        }
    }

    public Duration acceptTimeout(ServiceCode service) {
        return acceptTimeoutByService.getOrDefault(service, acceptTimeout);
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
