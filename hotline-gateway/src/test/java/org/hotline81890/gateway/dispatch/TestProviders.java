package org.hotline81890.gateway.dispatch;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import org.hotline81890.partners.Capacity;
import org.hotline81890.partners.ContactChannels;
import org.hotline81890.partners.Coverage;
import org.hotline81890.partners.OpeningHours;
import org.hotline81890.partners.PhoneNumber;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.ProviderStatus;
import org.hotline81890.partners.Rating;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.WebhookEndpoint;

/** The partner company the partner ITs dispatch to: house-keeping (HK-01) anywhere in 海曙区, open 24h, rated 4. */
final class TestProviders {
    private TestProviders() {
    }

    static Provider housekeeping(String id, int capacity, Optional<WebhookEndpoint> webhook,
                                 Optional<PhoneNumber> sms) {
        return new Provider(ProviderId.of(id), ProviderKind.PARTNER_COMPANY, "家政公司" + id,
                Set.of(ServiceCode.of("HK-01")), Coverage.of("海曙区"), OpeningHours.of("24h"), new Capacity(capacity),
                new ContactChannels(webhook, sms, Optional.empty()), ProviderStatus.ACTIVE, new Rating(4.0));
    }

    static Optional<WebhookEndpoint> webhook(String url, String secret) {
        return Optional.of(new WebhookEndpoint(URI.create(url), secret));
    }
}
