package org.hotline81890.partners.importer;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

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

/** One CSV row to a provider, collecting one error per bad column. */
final class ProviderRow {
    static final List<String> COLUMNS = List.of("id", "kind", "name", "services", "coverage", "hours", "capacity",
            "webhook_url", "webhook_secret", "sms", "portal_login", "status", "rating");

    private final List<String> fields;
    private final int line;
    private final List<ImportResult.RowError> errors;

    private ProviderRow(List<String> fields, int line, List<ImportResult.RowError> errors) {
        this.fields = fields;
        this.line = line;
        this.errors = errors;
    }

    static Optional<Provider> parse(String text, int line, ServiceCatalog catalog, List<ImportResult.RowError> errors) {
        List<String> fields;
        try {
            fields = CsvLine.split(text);
        } catch (IllegalArgumentException e) {
            errors.add(new ImportResult.RowError(line, "", e.getMessage()));
            return Optional.empty();
        }
        if (fields.size() != COLUMNS.size()) {
            errors.add(new ImportResult.RowError(line, "",
                    "expected " + COLUMNS.size() + " columns, found " + fields.size()));
            return Optional.empty();
        }
        return new ProviderRow(fields, line, errors).build(catalog);
    }

    private Optional<Provider> build(ServiceCatalog catalog) {
        int before = errors.size();
        ProviderId id = field("id", () -> ProviderId.of(get("id")));
        ProviderKind kind = field("kind", () -> ProviderKind.valueOf(get("kind").toUpperCase(Locale.ROOT)));
        String name = field("name", () -> required("name"));
        Set<ServiceCode> services = field("services", this::services);
        Coverage coverage = field("coverage", () -> Coverage.of(required("coverage")));
        OpeningHours hours = field("hours", () -> OpeningHours.of(get("hours")));
        Capacity capacity = field("capacity", () -> new Capacity(Integer.parseInt(get("capacity"))));
        Optional<WebhookEndpoint> webhook = field("webhook_url", this::webhook);
        Optional<PhoneNumber> sms = field("sms", () -> optional("sms").map(PhoneNumber::of));
        ProviderStatus status = field("status", () -> ProviderStatus.valueOf(get("status").toUpperCase(Locale.ROOT)));
        Rating rating = field("rating", () -> optional("rating").map(r -> new Rating(Double.parseDouble(r)))
                .orElse(Rating.NEUTRAL));
        if (services != null && kind != null) {
            checkKinds(services, kind, catalog);
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        ContactChannels contact = field("portal_login",
                () -> new ContactChannels(webhook, sms, optional("portal_login")));
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Provider(id, kind, name, services, coverage, hours, capacity, contact, status, rating));
    }

    private Set<ServiceCode> services() {
        Set<ServiceCode> codes = new LinkedHashSet<>();
        for (String code : required("services").split(";")) {
            if (!code.isBlank()) {
                codes.add(ServiceCode.of(code));
            }
        }
        return codes;
    }

    private void checkKinds(Set<ServiceCode> services, ProviderKind kind, ServiceCatalog catalog) {
        List<String> unknown = new ArrayList<>();
        List<String> wrongKind = new ArrayList<>();
        for (ServiceCode service : services) {
            Optional<String> directoryKind = catalog.providerKind(service);
            if (directoryKind.isEmpty()) {
                unknown.add(service.value());
            } else if (!kind.servesDirectoryKind(directoryKind.get())) {
                wrongKind.add(service.value() + " (" + directoryKind.get() + ")");
            }
        }
        if (!unknown.isEmpty()) {
            errors.add(new ImportResult.RowError(line, "services",
                    "not in the directory: " + String.join(", ", unknown)));
        }
        if (!wrongKind.isEmpty()) {
            errors.add(new ImportResult.RowError(line, "services",
                    "a " + kind + " cannot provide " + String.join(", ", wrongKind)));
        }
    }

    private Optional<WebhookEndpoint> webhook() {
        Optional<String> url = optional("webhook_url");
        Optional<String> secret = optional("webhook_secret");
        if (url.isPresent() != secret.isPresent()) {
            throw new IllegalArgumentException("webhook_url and webhook_secret go together");
        }
        return url.map(u -> new WebhookEndpoint(URI.create(u), secret.get()));
    }

    private <T> T field(String column, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof NumberFormatException) {
                why = "not a number: '" + get(column) + "'";
            } else if (why.startsWith("No enum constant")) {
                why = "unknown value '" + get(column) + "'";
            }
            errors.add(new ImportResult.RowError(line, column, why));
            return null;
        }
    }

    private String get(String column) {
        return fields.get(COLUMNS.indexOf(column));
    }

    private String required(String column) {
        String value = get(column);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return value;
    }

    private Optional<String> optional(String column) {
        String value = get(column);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
