package org.hotline81890.gateway.voice;

/** The in-memory fake held to the same contract as the MySQL adapter. */
class InMemoryCallRecordsTest implements CallRecordsContract {
    private final InMemoryCallRecords records = new InMemoryCallRecords();

    @Override
    public CallRecords records() {
        return records;
    }
}
