package org.hotline81890.gateway.workorder;

import java.util.Locale;

/** The hotline convention for what a resident wants (GB/T 33358 and 12345 practice). */
public enum RequestType {
    CONSULTATION("咨询"), HELP("求助"), COMPLAINT("投诉"), REPORT("举报"), SUGGESTION("建议");

    private final String zh;

    RequestType(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** The lower-case English word used on the wire and in the CLI, e.g. {@code consultation}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestType ofWire(String value) {
        for (RequestType t : values()) {
            if (t.wire().equals(value) || t.zh.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown request type '" + value
                + "' (expected consultation, help, complaint, report or suggestion)");
    }
}
