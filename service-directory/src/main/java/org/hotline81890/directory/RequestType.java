package org.hotline81890.directory;

import java.util.Locale;

/** The hotline's request types (咨询, 求助, 投诉, 举报, 建议), named in English on the wire. */
public enum RequestType {
    CONSULTATION("咨询"),
    HELP("求助"),
    COMPLAINT("投诉"),
    REPORT("举报"),
    SUGGESTION("建议");

    private final String chinese;

    RequestType(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** The lower-case English word used by the CLI and the data files, e.g. {@code consultation}. */
    public String english() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses what a channel sends: the English word exactly as {@link #english()} writes it, or the Chinese one;
     * throws {@link IllegalArgumentException} naming the expected words for anything else.
     */
    public static RequestType parse(String value) {
        for (RequestType t : values()) {
            if (t.english().equals(value) || t.chinese.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown request type '" + value
                + "' (expected consultation, help, complaint, report or suggestion)");
    }

    /** Parses the English word (any case); throws {@link IllegalArgumentException} for anything else. */
    public static RequestType of(String english) {
        for (RequestType type : values()) {
            if (type.english().equalsIgnoreCase(english.strip())) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown request type '" + english + "'");
    }
}
