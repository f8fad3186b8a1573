package org.hotline81890.gateway.dispatch;

import java.util.Locale;
import java.util.Optional;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.ProviderKind;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.importer.ServiceCatalog;

/** The provider importer's view of the service directory: who may provide each service. */
public final class DirectoryCatalog implements ServiceCatalog {
    private final Directory directory;

    public DirectoryCatalog(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<String> providerKind(ServiceCode service) {
        return directory.find(service.value()).map(s -> word(s.providerKind()));
    }

    private static String word(ProviderKind kind) {
        return kind == ProviderKind.DEPARTMENT ? "government" : kind.name().toLowerCase(Locale.ROOT);
    }
}
