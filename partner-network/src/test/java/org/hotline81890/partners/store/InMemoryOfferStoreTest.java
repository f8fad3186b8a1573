package org.hotline81890.partners.store;

class InMemoryOfferStoreTest implements OfferStoreContract {
    private final InMemoryOfferStore store = new InMemoryOfferStore();

    @Override
    public OfferStore store() {
        return store;
    }
}
