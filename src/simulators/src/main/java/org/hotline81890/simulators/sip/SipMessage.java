package org.hotline81890.simulators.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SIP request or response as text, with the few fields a relay reads: the start line, headers (compact forms
 * folded to their full names), the body. Headers keep their order and spelling when the message is forwarded.
 */
public record SipMessage(String startLine, List<Header> headers, String body) {
    private static final Map<String, String> COMPACT = Map.of("v", "via", "f", "from", "t", "to", "i", "call-id",
            "m", "contact", "l", "content-length", "c", "content-type", "k", "supported");
    private static final Pattern URI_USER = Pattern.compile("sips?:([^@;>\\s]+)@");
    private static final Pattern BRANCH = Pattern.compile(";\\s*branch=([^;,\\s]+)", Pattern.CASE_INSENSITIVE);

    /** A header as it came, and its full lower-case name for lookups. */
    public record Header(String name, String value) {
        String key() {
            String k = name.toLowerCase(Locale.ROOT);
            return COMPACT.getOrDefault(k, k);
        }
    }

    public static SipMessage parse(String text) {
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        String[] lines = head.split("\r\n");
        List<Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
                Header last = headers.removeLast();
                headers.add(new Header(last.name(), last.value() + " " + line.strip()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(new Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
            }
        }
        return new SipMessage(lines[0].strip(), List.copyOf(headers), body);
    }

    public boolean isResponse() {
        return startLine.startsWith("SIP/2.0 ");
    }

    /** The request's method ({@code INVITE}), or for a response the method its CSeq names. */
    public String method() {
        if (isResponse()) {
            String cseq = header("cseq").orElse("");
            return cseq.substring(cseq.indexOf(' ') + 1).strip();
        }
        return startLine.substring(0, startLine.indexOf(' '));
    }

    public String requestUri() {
        String[] parts = startLine.split(" ");
        return parts.length > 1 ? parts[1] : "";
    }

    public int status() {
        return isResponse() ? Integer.parseInt(startLine.split(" ")[1]) : 0;
    }

    public Optional<String> header(String fullName) {
        return headers.stream().filter(h -> h.key().equals(fullName)).map(Header::value).findFirst();
    }

    /** The top Via's branch: the transaction a response belongs to. */
    public Optional<String> topBranch() {
        return header("via").map(v -> v.split(",")[0]).map(BRANCH::matcher).filter(Matcher::find)
                .map(m -> m.group(1));
    }

    /** The user part of a SIP URI ({@code sip:1001@hotline.test} gives {@code 1001}). */
    public static Optional<String> user(String uri) {
        Matcher m = URI_USER.matcher(uri);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public String render() {
        StringBuilder b = new StringBuilder(startLine).append("\r\n");
        for (Header h : headers) {
            b.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        return b.append("\r\n").append(body).toString();
    }

    /** A response to this request with the headers RFC 3261 section 8.2.6 copies, and the ones given. */
    public SipMessage reply(int status, String reason, String toTag, List<Header> extra) {
        List<Header> h = new ArrayList<>();
        headers.stream().filter(x -> x.key().equals("via")).forEach(h::add);
        header("from").ifPresent(v -> h.add(new Header("From", v)));
        header("to").ifPresent(v -> h.add(new Header("To", v.contains(";tag=") ? v : v + ";tag=" + toTag)));
        header("call-id").ifPresent(v -> h.add(new Header("Call-ID", v)));
        header("cseq").ifPresent(v -> h.add(new Header("CSeq", v)));
        h.addAll(extra);
        h.add(new Header("Content-Length", "0"));
        return new SipMessage("SIP/2.0 " + status + " " + reason, List.copyOf(h), "");
    }
}
