package org.hotline81890.gateway.dispatch;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A provider as the admin page's form (and the CLI) gives it: the columns of the provider CSV, as typed. It is
 * checked by the CSV importer itself, so a form and a file are held to one set of rules and errors name the column.
 * The webhook secret, status and rating are never typed: the hotline keeps or generates them.
 */
public record ProviderForm(String id, String kind, String name, String services, String coverage, String hours,
                           String capacity, String webhookUrl, String sms, String portalLogin) {
    public ProviderForm {
        id = clean(id);
        kind = clean(kind);
        name = clean(name);
        services = clean(services).replace('，', ';').replace(',', ';').replace(' ', ';')
                .replaceAll(";+", ";");
        coverage = clean(coverage);
        hours = clean(hours);
        capacity = clean(capacity);
        webhookUrl = clean(webhookUrl);
        sms = clean(sms);
        portalLogin = clean(portalLogin);
    }

    /** The one CSV row these fields make, with the given secret, status and rating. */
    String csvRow(String webhookSecret, String status, String rating) {
        return List.of(id, kind, name, services, coverage, hours, capacity, webhookUrl,
                        webhookUrl.isEmpty() ? "" : webhookSecret, sms, portalLogin, status, rating).stream()
                .map(ProviderForm::quote).collect(Collectors.joining(","));
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip().replace('\n', ' ').replace('\r', ' ');
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
