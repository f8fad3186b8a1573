package org.hotline81890.partners;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A small builder for providers in tests: sensible defaults, change what the test is about. */
public final class TestProviders {
    private String id;
    private ProviderKind kind = ProviderKind.PARTNER_COMPANY;
    private Set<ServiceCode> services = Set.of(ServiceCode.of("HK-01"));
    private String coverage = "海曙区";
    private String hours = "24h";
    private int capacity = 3;
    private ProviderStatus status = ProviderStatus.ACTIVE;
    private double rating = 4.0;

    private TestProviders(String id) {
        this.id = id;
    }

    public static TestProviders provider(String id) {
        return new TestProviders(id);
    }

    public TestProviders kind(ProviderKind value) {
        kind = value;
        return this;
    }

    public TestProviders services(String... codes) {
        services = Arrays.stream(codes).map(ServiceCode::of).collect(Collectors.toSet());
        return this;
    }

    public TestProviders coverage(String value) {
        coverage = value;
        return this;
    }

    public TestProviders hours(String value) {
        hours = value;
        return this;
    }

    public TestProviders capacity(int value) {
        capacity = value;
        return this;
    }

    public TestProviders status(ProviderStatus value) {
        status = value;
        return this;
    }

    public TestProviders rating(double value) {
        rating = value;
        return this;
    }

    public Provider build() {
        ContactChannels contact = new ContactChannels(
                Optional.of(new WebhookEndpoint(URI.create("https://" + id.toLowerCase() + ".example/hook"),
                        "secret-" + id + "-0123456789")),
                Optional.of(PhoneNumber.of("13800001111")), Optional.empty());
        return new Provider(ProviderId.of(id), kind, "Provider " + id, services, Coverage.of(coverage),
                OpeningHours.of(hours), new Capacity(capacity), contact, status, new Rating(rating));
    }
}
