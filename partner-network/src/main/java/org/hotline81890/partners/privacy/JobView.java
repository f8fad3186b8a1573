package org.hotline81890.partners.privacy;

import java.time.Instant;
import java.util.Optional;

import org.hotline81890.partners.Area;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.OfferState;

/** What a provider may see of a job; which one depends on the offer's state (see {@link JobViews}). */
public sealed interface JobView {
    OfferId offer();

    OfferState state();

    /**
     * Before acceptance (and after the offer ended): the service, the area down to the community, the time wanted
     * and the accept deadline. No address, no phone number, no free text (residents put addresses in it).
     */
    record Restricted(OfferId offer, OfferState state, ServiceCode service, String serviceName, Area area,
            Instant wantedFrom, Optional<Instant> wantedUntil, Instant acceptBy) implements JobView {
    }

    /** Accepted or started: also the address, the resident's number masked, and the description. */
    record Full(OfferId offer, OfferState state, ServiceCode service, String serviceName, Area area, String address,
            String maskedPhone, Instant wantedFrom, Optional<Instant> wantedUntil, String description)
            implements JobView {
    }
}
