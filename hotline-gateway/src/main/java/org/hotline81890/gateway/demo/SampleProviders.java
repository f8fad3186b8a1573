package org.hotline81890.gateway.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sample provider network the hotline loads on its first start ({@code config/providers/providers.csv}), as the
 * demo's simulated providers know themselves: id, kind, SMS number and webhook secret. The partner companies take
 * their offers by webhook and the partner API; the demo points their webhook URL at its own receiver by re-importing
 * the same file with that one column changed ({@link #withWebhooks}), the way an admin onboards a provider.
 */
final class SampleProviders {
    static final String RESOURCE = "/providers/providers.csv";
    private static final int COLUMNS = 13;
    private final List<String> lines;
    private final List<Provider> providers;

    record Provider(String id, String kind, String name, String sms, String webhookSecret) {
        boolean partnerCompany() {
            return kind.equals("PARTNER_COMPANY");
        }

        boolean department() {
            return kind.equals("DEPARTMENT");
        }
    }

    SampleProviders() {
        try (InputStream in = SampleProviders.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            this.lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
        List<Provider> out = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(",", -1);
            if (line.startsWith("#") || f.length != COLUMNS || f[0].equals("id")) {
                continue;
            }
            out.add(new Provider(f[0], f[1], f[2], f[9], f[8]));
        }
        this.providers = List.copyOf(out);
    }

    List<Provider> all() {
        return providers;
    }

    Map<String, Provider> bySms() {
        return providers.stream().filter(p -> !p.sms().isEmpty())
                .collect(Collectors.toMap(Provider::sms, Function.identity(), (a, b) -> a));
    }

    Optional<Provider> byId(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    Optional<Provider> first(String kind) {
        return providers.stream().filter(p -> p.kind().equals(kind)).findFirst();
    }

    /** The file again, each partner company's webhook URL set to {@code base + id}. */
    String withWebhooks(String base) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            String[] f = line.split(",", -1);
            if (!line.startsWith("#") && f.length == COLUMNS && f[1].equals("PARTNER_COMPANY")) {
                f[7] = base + f[0];
                line = String.join(",", f);
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
