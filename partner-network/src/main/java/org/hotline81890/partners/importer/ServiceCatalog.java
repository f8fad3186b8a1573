package org.hotline81890.partners.importer;

import java.util.Map;
import java.util.Optional;

import org.hotline81890.partners.ServiceCode;

/**
 * The importer's view of the directory: a service's {@code provider_kind} ({@code government}, {@code partner},
 * {@code volunteer}). The gateway backs it with service-directory; tests read services.tsv.
 */
@FunctionalInterface
public interface ServiceCatalog {
    Optional<String> providerKind(ServiceCode service);

    static ServiceCatalog of(Map<ServiceCode, String> kinds) {
        Map<ServiceCode, String> copy = Map.copyOf(kinds);
        return service -> Optional.ofNullable(copy.get(service));
    }
}
