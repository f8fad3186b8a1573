package org.hotline81890.gateway.channel.web;

import java.util.stream.Collectors;

import org.hotline81890.gateway.dispatch.ProviderForm;
import org.hotline81890.partners.PhoneNumber;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ServiceCode;

/** A stored provider back into the admin page's form (its CSV text forms). */
final class ProviderForms {
    private ProviderForms() {
    }

    static ProviderForm of(Provider p) {
        return new ProviderForm(p.id().value(), p.kind().name(), p.name(),
                p.services().stream().map(ServiceCode::value).sorted().collect(Collectors.joining(";")),
                p.coverage().toString(), p.hours().toString(), Integer.toString(p.capacity().maxConcurrentJobs()),
                p.contact().webhook().map(w -> w.url().toString()).orElse(""),
                p.contact().sms().map(PhoneNumber::value).orElse(""), p.contact().portalLogin().orElse(""));
    }
}
