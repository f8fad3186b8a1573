package org.hotline81890.directory.ivr;

import java.util.Properties;

/**
 * Settings of the DTMF self-service menu ({@code config/directory/ivr.properties}). Off by default: GB/T 33358-2016
 * asks that calls reach a person without a menu.
 */
public record IvrSettings(boolean enabled, int pageSize) {
    public static final int MAX_PAGE_SIZE = 8;

    public IvrSettings {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("ivr page-size must be 1.." + MAX_PAGE_SIZE + ": " + pageSize);
        }
    }

    public static IvrSettings defaults() {
        return new IvrSettings(false, MAX_PAGE_SIZE);
    }

    /** Reads {@code enabled} and {@code page-size}; missing keys keep their defaults. */
    public static IvrSettings of(Properties p) {
        String enabled = p.getProperty("enabled", "false").strip();
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new IllegalArgumentException("ivr enabled must be true or false: '" + enabled + "'");
        }
        try {
            return new IvrSettings(Boolean.parseBoolean(enabled),
                    Integer.parseInt(p.getProperty("page-size", String.valueOf(MAX_PAGE_SIZE)).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ivr page-size must be a number: " + p.getProperty("page-size"), e);
        }
    }
}
