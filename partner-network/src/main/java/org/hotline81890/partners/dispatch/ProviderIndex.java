package org.hotline81890.partners.dispatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ServiceCode;

/**
 * An immutable snapshot of providers indexed by service code, so a dispatch decision only looks at the providers
 * of one service. Rebuild it (cheap: one pass) when providers change.
 */
public final class ProviderIndex {
    private final Map<ServiceCode, List<Provider>> byService;
    private final Map<ProviderId, Provider> byId;

    private ProviderIndex(Map<ServiceCode, List<Provider>> byService, Map<ProviderId, Provider> byId) {
        this.byService = byService;
        this.byId = byId;
    }

    public static ProviderIndex of(Collection<Provider> providers) {
        Map<ServiceCode, List<Provider>> services = new HashMap<>();
        Map<ProviderId, Provider> ids = new HashMap<>();
        for (Provider provider : providers) {
            if (ids.put(provider.id(), provider) != null) {
                throw new IllegalArgumentException("duplicate provider id " + provider.id());
            }
            for (ServiceCode service : provider.services()) {
                services.computeIfAbsent(service, s -> new ArrayList<>()).add(provider);
            }
        }
        Map<ServiceCode, List<Provider>> frozen = new HashMap<>();
        services.forEach((service, list) -> frozen.put(service, List.copyOf(list)));
        return new ProviderIndex(Map.copyOf(frozen), Map.copyOf(ids));
    }

    public List<Provider> providing(ServiceCode service) {
        return byService.getOrDefault(service, List.of());
    }

    public Optional<Provider> find(ProviderId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }
}
