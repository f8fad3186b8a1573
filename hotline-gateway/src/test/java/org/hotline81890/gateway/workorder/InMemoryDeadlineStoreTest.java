package org.hotline81890.gateway.workorder;

class InMemoryDeadlineStoreTest implements DeadlineStoreContract {
    private final InMemoryDeadlineStore deadlines = new InMemoryDeadlineStore();

    @Override
    public DeadlineStore deadlines() {
        return deadlines;
    }
}
