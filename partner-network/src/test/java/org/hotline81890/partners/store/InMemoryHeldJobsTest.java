package org.hotline81890.partners.store;

class InMemoryHeldJobsTest implements HeldJobsContract {
    private final InMemoryHeldJobs held = new InMemoryHeldJobs();

    @Override
    public HeldJobs held() {
        return held;
    }
}
