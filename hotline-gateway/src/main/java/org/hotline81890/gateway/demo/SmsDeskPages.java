package org.hotline81890.gateway.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the desk's SMS pages as the simulated agent needs them (what a person sees on them): the tickets in the
 * inbox, and of one text its words, the form's CSRF token, the matcher's first service and the area as pre-filled.
 */
final class SmsDeskPages {
    private static final Pattern TICKET = Pattern.compile("id=\"sms-(\\d{9})\"");
    private static final Pattern BODY = Pattern.compile("id=\"sms-body\"[^>]*>([^<]*)</blockquote>");
    private static final Pattern REPLY = Pattern.compile("id=\"reply-(\\d+)\"");
    private static final Pattern REPLY_BODY = Pattern.compile("id=\"reply-body\"[^>]*>([^<]*)</blockquote>");
    private static final Pattern ERROR = Pattern.compile("id=\"outcome-error\"[^>]*>([^<]*)<");
    private static final Pattern DISTRICT = Pattern.compile("<option value=\"([^\"]*)\"[^>]*selected");

    /** One text as the desk shows it. {@code area}: the form's district, street, community and grid fields. */
    record Item(String text, String csrf, String matcherFirst, Map<String, String> area) {
    }

    private SmsDeskPages() {
    }

    static List<String> tickets(String inbox) {
        return TICKET.matcher(inbox).results().map(m -> m.group(1)).distinct().toList();
    }

    /** The residents' held replies the inbox lists (their 处理 buttons), oldest first. */
    static List<Long> replies(String inbox) {
        return REPLY.matcher(inbox).results().map(m -> Long.parseLong(m.group(1))).distinct().toList();
    }

    /** One held reply as the desk shows it: its words and the forms' CSRF token. */
    static Item reply(String page) {
        Matcher body = REPLY_BODY.matcher(page);
        return new Item(body.find() ? unescape(body.group(1)) : "", value(page, "_csrf").orElse(""), "NONE",
                Map.of());
    }

    static Item item(String page) {
        Matcher body = BODY.matcher(page);
        String text = body.find() ? unescape(body.group(1)) : "";
        Map<String, String> area = new LinkedHashMap<>();
        // The district chosen in the area's first select (the form has other selects, the urgency's before it).
        int from = page.indexOf("id=\"area-district\"");
        int to = from < 0 ? -1 : page.indexOf("</select>", from);
        Matcher district = DISTRICT.matcher(to < 0 ? "" : page.substring(from, to));
        area.put("district", district.find() ? unescape(district.group(1)) : "");
        for (String level : List.of("street", "community", "grid")) {
            area.put(level, dataValue(page, "area-" + level).orElse(""));
        }
        return new Item(text, value(page, "_csrf").orElse(""), value(page, "matcherFirst").orElse("NONE"), area);
    }

    /** The value of the input named {@code name}. */
    static Optional<String> value(String page, String name) {
        Matcher m = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"")
                .matcher(page);
        return m.find() ? Optional.of(unescape(m.group(1))) : Optional.empty();
    }

    private static Optional<String> dataValue(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*data-value=\"([^\"]*)\"").matcher(page);
        return m.find() ? Optional.of(unescape(m.group(1))) : Optional.empty();
    }

    /** The desk's answer when it refused (the outcome's error line), with numbers left out so like ones group. */
    static String refusal(String outcome) {
        Matcher m = ERROR.matcher(outcome);
        return m.find() ? unescape(m.group(1)).replaceAll("[0-9]+", "#") : "";
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
