package org.hotline81890.gateway.channel.http;

import java.util.Optional;

import io.vertx.core.json.JsonObject;

/**
 * Text fields of an API body: a string or nothing (any other JSON type is refused, naming the field), control
 * characters removed (tab and line feed kept), lone UTF-16 surrogates refused, and at most the documented number of
 * characters, which is what the field's column holds.
 */
public final class TextFields {
    private TextFields() {
    }

    public static Optional<String> optional(JsonObject json, String field, int max) {
        Object v = json.getValue(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw new BadRequestException(field, field + " must be a string");
        }
        String clean = clean(field, s).strip();
        if (clean.codePointCount(0, clean.length()) > max) {
            throw new BadRequestException(field, field + " is longer than " + max + " characters");
        }
        return Optional.of(clean);
    }

    public static String required(JsonObject json, String field, int max) {
        return optional(json, field, max).filter(s -> !s.isBlank())
                .orElseThrow(() -> new BadRequestException(field, field + " is required"));
    }

    /** {@code s} without C0/C1 control characters other than tab and line feed; CR LF becomes LF. */
    static String clean(String field, String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean drop = isControl(c);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1));
                if (!paired) {
                    throw new BadRequestException(field, field + " holds an unpaired UTF-16 surrogate");
                }
            }
            if (drop && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!drop && out != null) {
                out.append(c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                if (out != null) {
                    out.append(s.charAt(i + 1));
                }
                i++;
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f);
    }
}
