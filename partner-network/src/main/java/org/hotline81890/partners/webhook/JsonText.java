package org.hotline81890.partners.webhook;

/** Just enough JSON writing for webhook bodies, without a JSON library in the domain. */
final class JsonText {
    private final StringBuilder out = new StringBuilder(256).append('{');
    private boolean first = true;

    JsonText field(String name, String value) {
        key(name);
        quote(value);
        return this;
    }

    JsonText field(String name, long value) {
        key(name);
        out.append(value);
        return this;
    }


    String close() {
        return out.append('}').toString();
    }

    private void key(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        quote(name);
        out.append(':');
    }

    private void quote(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
