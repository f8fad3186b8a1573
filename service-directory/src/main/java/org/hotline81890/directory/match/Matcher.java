package org.hotline81890.directory.match;

/** Turns a resident's text into ranked services, a request type and flags. Implementations are thread-safe. */
public interface Matcher {
    MatchResult match(String text);
}
