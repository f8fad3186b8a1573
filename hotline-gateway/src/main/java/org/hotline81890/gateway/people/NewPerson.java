package org.hotline81890.gateway.people;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** What an admin gives to create a person (the CLI, the admin page, the first admin). Validated here. */
public record NewPerson(String login, Role role, String name, Optional<String> provider, Optional<String> extension) {
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern EXTENSION = Pattern.compile("[0-9A-Za-z*#]{1,32}");

    public NewPerson {
        Objects.requireNonNull(role, "role");
        login = login == null ? "" : login.strip();
        name = name == null ? "" : name.strip();
        provider = provider.map(String::strip).filter(p -> !p.isEmpty());
        extension = extension.map(String::strip).filter(e -> !e.isEmpty());
    }

    /** What is wrong with this request, in one line; empty when it can be stored. */
    public Optional<String> problem() {
        if (!LOGIN.matcher(login).matches()) {
            return Optional.of("login must be 2-64 characters of a-z 0-9 . _ - starting with a letter or digit");
        }
        if (role.providerStaff() && provider.isEmpty()) {
            return Optional.of("role " + role.wire() + " needs --provider");
        }
        if (!role.providerStaff() && provider.isPresent()) {
            return Optional.of("role " + role.wire() + " is not provider staff: no --provider");
        }
        if (extension.isPresent() && !EXTENSION.matcher(extension.get()).matches()) {
            return Optional.of("extension must be 1-32 characters of 0-9 A-Z a-z * #");
        }
        if (name.length() > 100) {
            return Optional.of("name longer than 100 characters");
        }
        return Optional.empty();
    }
}
