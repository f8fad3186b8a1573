package org.hotline81890.partners.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;

/** Test fake for {@link ProviderStore}. */
public final class InMemoryProviderStore implements ProviderStore {
    private final Map<ProviderId, Provider> providers = new TreeMap<>();

    @Override
    public synchronized void save(Provider provider) {
        providers.put(provider.id(), provider);
    }

    @Override
    public synchronized void saveAll(List<Provider> list) {
        list.forEach(this::save);
    }

    @Override
    public synchronized Optional<Provider> find(ProviderId id) {
        return Optional.ofNullable(providers.get(id));
    }

    @Override
    public synchronized List<Provider> all() {
        return new ArrayList<>(providers.values());
    }
}
