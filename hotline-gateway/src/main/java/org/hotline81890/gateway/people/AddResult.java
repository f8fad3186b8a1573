package org.hotline81890.gateway.people;

/** The outcome of creating a person. */
public sealed interface AddResult {
    record Created(Person person) implements AddResult {
    }

    /** The request cannot be stored as given; {@code reason} is one line. */
    record Refused(String reason) implements AddResult {
    }
}
