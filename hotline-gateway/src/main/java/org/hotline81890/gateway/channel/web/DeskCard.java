package org.hotline81890.gateway.channel.web;

import java.time.Instant;
import java.util.Optional;

import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferKind;
import org.hotline81890.partners.offer.OfferState;
import org.hotline81890.partners.privacy.JobView;

/**
 * One offer or job as a provider desk shows it, built only from the privacy rules' {@link JobView}: before
 * acceptance no address, number or free text (they are empty here, not hidden by the template).
 */
public record DeskCard(String offerId, OfferState state, boolean transfer, String service, String area,
                       Instant wantedFrom, Optional<Instant> wantedUntil, Instant acceptBy,
                       Optional<Instant> handleBy, String address, String phone, String text, boolean overdue,
                       int extensions, Optional<String> note, Optional<Instant> finishedAt, String pay) {

    /** {@code pay}: what the job pays when the directory has a price for its service, else empty. */
    static DeskCard of(Offer offer, JobView view, String pay) {
        return switch (view) {
            case JobView.Restricted r -> new DeskCard(offer.id().value(), offer.state(),
                    offer.kind() == OfferKind.TRANSFER, r.serviceName(), r.area().toString(), r.wantedFrom(),
                    r.wantedUntil(), offer.acceptBy(), offer.handleBy(), "", "", "", offer.overdue(),
                    offer.extensions(), offer.note(), offer.finishedAt(), pay);
            case JobView.Full f -> new DeskCard(offer.id().value(), offer.state(),
                    offer.kind() == OfferKind.TRANSFER, f.serviceName(), f.area().toString(), f.wantedFrom(),
                    f.wantedUntil(), offer.acceptBy(), offer.handleBy(), f.address(), f.maskedPhone(),
                    f.description(), offer.overdue(), offer.extensions(), offer.note(), offer.finishedAt(), pay);
        };
    }

    public boolean offered() {
        return state == OfferState.OFFERED;
    }

    public boolean accepted() {
        return state == OfferState.ACCEPTED;
    }

    public boolean started() {
        return state == OfferState.STARTED;
    }

    /** Epoch millis for the page's countdown script. */
    public long acceptByMillis() {
        return acceptBy.toEpochMilli();
    }

    public long handleByMillis() {
        return handleBy.map(Instant::toEpochMilli).orElse(0L);
    }
}
