package org.hotline81890.gateway.dispatch;

import org.hotline81890.gateway.testing.ManualClock;
import org.hotline81890.partners.ProviderId;

/** The in-memory fake held to the same contract as the MySQL adapter. */
class InMemoryProviderKeysTest implements ProviderKeysContract {
    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryProviderKeys keys = new InMemoryProviderKeys(clock);

    @Override
    public ProviderKeys keys() {
        return keys;
    }

    @Override
    public ManualClock clock() {
        return clock;
    }

    @Override
    public void suspend(ProviderId provider) {
        keys.suspend(provider);
    }
}
