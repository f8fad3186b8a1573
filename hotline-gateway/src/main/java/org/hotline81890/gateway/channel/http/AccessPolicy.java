package org.hotline81890.gateway.channel.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.http.HttpMethod;
import org.hotline81890.gateway.people.Role;

/**
 * The one table of who may call which route. The gate refuses any request no entry matches (404), and the authz
 * matrix test fails for any route of the router that no entry covers, so a new route needs a line here.
 * Patterns: literal segments, {@code :name} for any one segment, {@code {provider}} for the person's own provider,
 * and a last segment {@code *} for anything below (including nothing).
 */
public final class AccessPolicy {
    /** One line of the table; no methods means every method. */
    public record Entry(Set<HttpMethod> methods, String pattern, AccessRule rule) {
    }

    /** A matching entry and, when its pattern has a {@code {provider}} segment, the provider the path names. */
    public record Match(AccessRule rule, Optional<String> provider) {
    }

    private static final Set<HttpMethod> GET = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final Set<HttpMethod> POST = Set.of(HttpMethod.POST);
    private final List<Entry> entries;

    public AccessPolicy(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The gateway's table. */
    public static AccessPolicy standard() {
        List<Entry> e = new ArrayList<>();
        AccessRule open = new AccessRule.Public();
        e.add(new Entry(GET, "/health", open));
        e.add(new Entry(GET, "/health/*", open));
        e.add(new Entry(GET, "/metrics", open));
        e.add(new Entry(GET, "/static/*", open));
        e.add(new Entry(GET, "/webjars/*", open));
        e.add(new Entry(GET, "/vendor/*", open));
        e.add(new Entry(GET, "/", open));
        e.add(new Entry(GET, "/login", open));
        e.add(new Entry(POST, "/login", new AccessRule.LoginForm()));
        e.add(new Entry(POST, "/logout", AccessRule.People.anyone()));
        e.add(new Entry(Set.of(), "/api/admin/*", new AccessRule.Machine("admin-token")));
        e.add(new Entry(GET, "/api/partner/openapi.yaml", open));
        e.add(new Entry(Set.of(), "/api/partner/offers", new AccessRule.Machine("partner-api-key")));
        e.add(new Entry(Set.of(), "/api/partner/offers/*", new AccessRule.Machine("partner-api-key")));
        e.add(new Entry(Set.of(), "/agent", AccessRule.People.of(Role.AGENT)));
        e.add(new Entry(Set.of(), "/agent/*", AccessRule.People.of(Role.AGENT)));
        e.add(new Entry(Set.of(), "/supervisor", AccessRule.People.of(Role.SUPERVISOR)));
        e.add(new Entry(Set.of(), "/supervisor/*", AccessRule.People.of(Role.SUPERVISOR)));
        e.add(new Entry(Set.of(), "/admin", AccessRule.People.of(Role.ADMIN)));
        e.add(new Entry(Set.of(), "/admin/*", AccessRule.People.of(Role.ADMIN)));
        e.add(new Entry(GET, "/partner", AccessRule.People.of(Role.PARTNER)));
        e.add(new Entry(GET, "/department", AccessRule.People.of(Role.DEPARTMENT)));
        e.add(new Entry(GET, "/volunteer", AccessRule.People.of(Role.VOLUNTEER)));
        return new AccessPolicy(e);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The first entry matching the request, if any. */
    public Optional<Match> match(HttpMethod method, String path) {
        String[] segments = split(path);
        for (Entry entry : entries) {
            if (!entry.methods().isEmpty() && !entry.methods().contains(method)) {
                continue;
            }
            Optional<Optional<String>> m = matches(split(entry.pattern()), segments);
            if (m.isPresent()) {
                return Optional.of(new Match(entry.rule(), m.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Optional<String>> matches(String[] pattern, String[] path) {
        Optional<String> provider = Optional.empty();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].equals("*") && i == pattern.length - 1) {
                return Optional.of(provider);
            }
            if (i >= path.length) {
                return Optional.empty();
            }
            if (pattern[i].equals("{provider}")) {
                provider = Optional.of(path[i]);
            } else if (!pattern[i].startsWith(":") && !pattern[i].equals(path[i])) {
                return Optional.empty();
            }
        }
        return pattern.length == path.length ? Optional.of(provider) : Optional.empty();
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }
}
