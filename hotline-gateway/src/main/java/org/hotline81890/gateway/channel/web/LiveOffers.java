package org.hotline81890.gateway.channel.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.dispatch.OfferFeed;
import org.hotline81890.partners.offer.Offer;

/**
 * Committed offer changes on the (clusterable) event bus, so whichever node holds a provider's open desk refreshes
 * it. {@code committedAt}: wall-clock millis when the change was committed (the benchmark measures from it).
 */
public final class LiveOffers implements OfferFeed {
    public static final String ADDRESS = "hotline.provider.offers";
    private final Vertx vertx;

    public LiveOffers(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public void changed(Offer offer) {
        vertx.eventBus().publish(ADDRESS, new JsonObject().put("provider", offer.provider().value())
                .put("offerId", offer.id().value()).put("state", offer.state().name())
                .put("committedAt", System.currentTimeMillis()));
    }
}
