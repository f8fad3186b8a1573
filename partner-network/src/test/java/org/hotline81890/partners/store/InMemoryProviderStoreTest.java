package org.hotline81890.partners.store;

class InMemoryProviderStoreTest implements ProviderStoreContract {
    private final InMemoryProviderStore store = new InMemoryProviderStore();

    @Override
    public ProviderStore store() {
        return store;
    }
}
