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
 * @param excluded    providers already offered this work order (declined, timed out, cancelled): never again
 * @param unsatisfied providers whose work on this order the resident found unsatisfying (before a reopen): never
 *                    again either, with their own reason when no one else is left
 * @param words       the request in the resident's words (tells apart the providers of a shared service)
 * @param tieSeed     what a tie between equal candidates is drawn with (the work order), so the same job gets the
 *                    same decision, and equal providers equal shares over many jobs: never the provider id order
 */
public record DispatchRequest(ServiceCode service, Area area, Instant now, Set<ProviderId> excluded,
        Set<ProviderId> unsatisfied, String words, String tieSeed) {

    public DispatchRequest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(now, "now");
        excluded = Set.copyOf(excluded);
        unsatisfied = Set.copyOf(unsatisfied);
        words = words == null ? "" : words;
        tieSeed = tieSeed == null ? "" : tieSeed;
    }

    public DispatchRequest(ServiceCode service, Area area, Instant now, Set<ProviderId> excluded,
            Set<ProviderId> unsatisfied) {
        this(service, area, now, excluded, unsatisfied, "", "");
    }

    /** The same job asked at another moment (when would it be taken: the night policy). */
    public DispatchRequest at(Instant moment) {
        return new DispatchRequest(service, area, moment, excluded, unsatisfied, words, tieSeed);
    }

    public static DispatchRequest of(ServiceCode service, Area area, Instant now) {
        return new DispatchRequest(service, area, now, Set.of(), Set.of());
    }
}
