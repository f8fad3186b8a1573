package org.hotline81890.gateway.matching;

class InMemoryCorrectionStoreTest implements CorrectionStoreContract {
    private final InMemoryCorrectionStore store = new InMemoryCorrectionStore();

    @Override
    public CorrectionStore store() {
        return store;
    }
}
