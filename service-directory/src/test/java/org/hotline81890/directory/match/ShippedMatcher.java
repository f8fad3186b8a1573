package org.hotline81890.directory.match;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.load.DirectoryLoader;

/** The shipped, trained matcher, built once per test JVM (loading the model takes a few seconds). */
public final class ShippedMatcher {
    private static SemanticMatcher matcher;
    private static final Directory DIRECTORY = DirectoryLoader.loadDefault();

    private ShippedMatcher() {
    }

    public static synchronized SemanticMatcher get() {
        if (matcher == null) {
            matcher = fresh();
        }
        return matcher;
    }

    /** A matcher of its own, for tests that teach it something. */
    public static SemanticMatcher fresh() {
        return MatcherFiles.loadDefault(DIRECTORY).orElseThrow(() -> new AssertionError("no model shipped"));
    }

    public static Directory directory() {
        return DIRECTORY;
    }
}
