package org.hotline81890.simulators.ami;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One AMI message (action, response or event): headers in wire order, rendered with CRLF and a blank line. */
public record AmiMessage(List<Header> headers) {

    public AmiMessage {
        headers = List.copyOf(headers);
    }

    /** One {@code Name: value} line. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The first header of that name (case-insensitive, as Asterisk's astman_get_header). */
    public Optional<String> get(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    public List<String> getAll(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    public byte[] render() {
        StringBuilder sb = new StringBuilder(headers.size() * 32);
        for (Header h : headers) {
            sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Appends headers in order. */
    public static final class Builder {
        private final List<Header> headers = new ArrayList<>();

        public Builder add(String name, String value) {
            headers.add(new Header(name, value));
            return this;
        }

        public Builder add(String name, long value) {
            return add(name, Long.toString(value));
        }

        /** Adds ActionID only when the request carried one (Asterisk omits the header otherwise). */
        public Builder actionId(Optional<String> id) {
            id.ifPresent(v -> add("ActionID", v));
            return this;
        }

        public Builder addAll(List<Header> more) {
            headers.addAll(more);
            return this;
        }

        public AmiMessage build() {
            return new AmiMessage(headers);
        }
    }
}
