package org.hotline81890.gateway.sms;

class InMemorySmsStoreTest implements SubmissionLogContract, SmsPreferencesContract, SmsNotesContract {
    private final InMemorySmsStore store = new InMemorySmsStore();

    @Override
    public SubmissionLog submissions() {
        return store;
    }

    @Override
    public SmsPreferences preferences() {
        return store;
    }

    @Override
    public SmsNotes notes() {
        return store;
    }
}
