package org.hotline81890.directory;

import java.util.List;
import java.util.Objects;

/**
 * One of the 201 services: its names, who provides it, its default request type, the words that point to it,
 * its SLA class and the questions an agent asks.
 *
 * @param slaClass an extra SLA row for the whole service (e.g. {@code utility}), or empty for "by request type"
 */
public record Service(
        String code,
        String nameZh,
        String nameEn,
        Category category,
        ProviderKind providerKind,
        RequestType defaultRequestType,
        String description,
        List<Keyword> keywords,
        String slaClass,
        List<AgentQuestion> questions,
        SlaPolicy slaPolicy) {

    public Service {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(providerKind, "providerKind");
        Objects.requireNonNull(defaultRequestType, "defaultRequestType");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(slaClass, "slaClass");
        Objects.requireNonNull(slaPolicy, "slaPolicy");
        keywords = List.copyOf(keywords);
        questions = List.copyOf(questions);
        if (!code.matches("[A-Z]{2}-\\d{2}")) {
            throw new IllegalArgumentException("service code must look like HK-01: '" + code + "'");
        }
        if (!code.startsWith(category.code() + "-")) {
            throw new IllegalArgumentException("service " + code + " is not in category " + category.code());
        }
        if (nameZh.isBlank() || nameEn.isBlank()) {
            throw new IllegalArgumentException("service " + code + " needs a Chinese and an English name");
        }
        if (!slaClass.isEmpty() && !slaPolicy.hasClass(slaClass)) {
            throw new IllegalArgumentException("service " + code + " names unknown SLA class '" + slaClass + "'");
        }
    }

    /** The SLA for a request of this type; {@code urgent} requests always get the emergency row. */
    public Sla sla(RequestType type, boolean urgent) {
        return slaPolicy.slaFor(type, urgent, slaClass);
    }

    /** The SLA for a non-urgent request of the service's default type. */
    public Sla defaultSla() {
        return sla(defaultRequestType, false);
    }

    @Override
    public String toString() {
        return code + " " + nameZh;
    }
}
