package org.hotline81890.partners.store;

import java.util.List;
import java.util.Optional;

import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;

/** Where providers live. Adapters: MySqlProviderStore (gateway), InMemoryProviderStore (tests). */
public interface ProviderStore {

    /** Inserts or replaces the provider with this id. */
    void save(Provider provider);

    /** Inserts or replaces all of them, or none when any fails (one transaction in a database adapter). */
    void saveAll(List<Provider> providers);

    Optional<Provider> find(ProviderId id);

    /** All providers, ordered by id. */
    List<Provider> all();
}
