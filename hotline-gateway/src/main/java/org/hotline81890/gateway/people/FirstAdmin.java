package org.hotline81890.gateway.people;

import java.security.SecureRandom;
import java.util.Optional;

/** On a hotline with no enabled admin, creates {@code admin} with a random password and hands the password back. */
public final class FirstAdmin {
    public static final String LOGIN = "admin";
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private final PersonStore store;
    private final People people;

    public FirstAdmin(PersonStore store, People people) {
        this.store = store;
        this.people = people;
    }

    /** The new admin's password, or empty when an admin exists already. */
    public Optional<String> ensure() {
        if (store.anyEnabled(Role.ADMIN)) {
            return Optional.empty();
        }
        String password = randomPassword();
        AddResult r = people.add(new NewPerson(LOGIN, Role.ADMIN, "管理员", Optional.empty(), Optional.empty()),
                password);
        return switch (r) {
            case AddResult.Created c -> Optional.of(password);
            case AddResult.Refused refused -> {
                // "admin" exists, disabled, and no other admin is enabled: give it a fresh password and enable it.
                if (store.find(LOGIN).map(Person::role).orElse(null) != Role.ADMIN) {
                    throw new IllegalStateException("no enabled admin, and the login 'admin' is taken by another "
                            + "role: create one with `hotline users add LOGIN --role admin --password-stdin`");
                }
                people.resetPassword(LOGIN, password);
                store.setDisabled(LOGIN, false);
                yield Optional.of(password);
            }
        };
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }
}
