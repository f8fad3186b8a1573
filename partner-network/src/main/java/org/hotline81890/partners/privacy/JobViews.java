package org.hotline81890.partners.privacy;

import org.hotline81890.partners.offer.Offer;

/**
 * Architecture rule 6: a provider sees the address and a masked number only while the job is theirs, and the
 * resident's own words with the identifiers in them masked ({@link FreeTextMask}).
 */
public final class JobViews {
    /** District, street, community: enough to decide, not enough to find a door. */
    public static final int RESTRICTED_AREA_LEVELS = 3;

    private JobViews() {
    }

    public static JobView forProvider(Offer offer, JobDetails job) {
        if (offer.state().isActiveJob()) {
            return new JobView.Full(offer.id(), offer.state(), job.service(), job.serviceName(), job.area(),
                    FreeTextMask.mask(job.address()), job.residentPhone().masked(), job.wantedFrom(),
                    job.wantedUntil(), FreeTextMask.mask(job.description()));
        }
        return new JobView.Restricted(offer.id(), offer.state(), job.service(), job.serviceName(),
                job.area().truncate(RESTRICTED_AREA_LEVELS), job.wantedFrom(), job.wantedUntil(), offer.acceptBy());
    }
}
