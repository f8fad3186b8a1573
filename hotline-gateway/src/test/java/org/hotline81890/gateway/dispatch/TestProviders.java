package org.hotline81890.gateway.dispatch;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

import org.hotline81890.gateway.wiring.PartnerModule;
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

    /**
     * Onboards a {@link #housekeeping} provider per id whose webhooks go to {@code fake}, signed with its secret there,
     * each with a fresh partner-API key ({@code sms.apply(i)}: the i-th one's SMS number); answers the keys by id.
     */
    static Map<String, String> onboard(PartnerModule partners, FakePartners fake, List<String> ids, int capacity,
                                       IntFunction<Optional<PhoneNumber>> sms) {
        List<Provider> list = new ArrayList<>();
        Map<String, String> keys = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            list.add(housekeeping(id, capacity, webhook(fake.urlOf(id), fake.secretOf(id)), sms.apply(i)));
            keys.put(id, ApiKeys.random());
            partners.registerKey(ProviderId.of(id), keys.get(id));
        }
        partners.saveProviders(list);
        return keys;
    }

    /** {@code n} housekeeping partners P-0… of capacity 100 whose webhooks go nowhere (port 9): offers stay open. */
    static List<Provider> unreachableHousekeepers(int n) {
        List<Provider> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "P-" + i;
            list.add(housekeeping(id, 100, webhook("http://127.0.0.1:9/hook/" + id, "secret-" + id + "-0123456789"),
                    Optional.empty()));
        }
        return list;
    }

    static Optional<WebhookEndpoint> webhook(String url, String secret) {
        return Optional.of(new WebhookEndpoint(URI.create(url), secret));
    }
}
