package org.hotline81890.gateway.dispatch;

/** The in-memory fake held to the same contract as the MySQL adapter. */
class InMemoryProviderRatingsTest implements ProviderRatingsContract {
    private final InMemoryProviderRatings ratings = new InMemoryProviderRatings();

    @Override
    public ProviderRatings ratings() {
        return ratings;
    }
}
