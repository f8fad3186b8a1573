package org.hotline81890.gateway.channel.http;

import java.util.EnumSet;
import java.util.Set;

import org.hotline81890.gateway.people.Role;

/** Who may call a route. Every route of the gateway has exactly one (see {@link AccessPolicy}). */
public sealed interface AccessRule {
    /** Anyone: health, metrics, static files, the log-in page. */
    record Public() implements AccessRule {
    }

    /** Anyone, with the log-in form's own CSRF check (a double-submit cookie; there is no session yet). */
    record LoginForm() implements AccessRule {
    }

    /**
     * A machine credential the route checks itself (the admin token, a provider's API key); a person's session
     * grants nothing here.
     */
    record Machine(String credential) implements AccessRule {
    }

    /**
     * People with one of {@code roles}; provider staff additionally only for their own provider when the route's
     * pattern names a {@code {provider}} segment. Changes need the session's CSRF token.
     */
    record People(Set<Role> roles) implements AccessRule {
        public People {
            roles = Set.copyOf(roles);
        }

        public static People of(Role first, Role... more) {
            return new People(EnumSet.of(first, more));
        }

        public static People anyone() {
            return new People(EnumSet.allOf(Role.class));
        }
    }
}
