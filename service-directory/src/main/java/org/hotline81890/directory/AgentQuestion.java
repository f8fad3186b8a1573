package org.hotline81890.directory;

import java.util.Objects;

/** A question the agent must ask before dispatch, e.g. {@code address 您的详细地址是？ / Your full address?}. */
public record AgentQuestion(String code, String textZh, String textEn) {
    public AgentQuestion {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(textZh, "textZh");
        Objects.requireNonNull(textEn, "textEn");
        if (!code.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("question code must be kebab-case: '" + code + "'");
        }
    }
}
