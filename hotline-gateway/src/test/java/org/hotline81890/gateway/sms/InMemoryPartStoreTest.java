package org.hotline81890.gateway.sms;

/** The part-store contract on the test double the channel tests use. */
class InMemoryPartStoreTest implements PartStoreContract {
    private final InMemoryPartStore parts = new InMemoryPartStore();

    @Override
    public PartStore parts() {
        return parts;
    }
}
