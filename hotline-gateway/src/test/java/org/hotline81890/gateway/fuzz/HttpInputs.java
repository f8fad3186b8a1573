package org.hotline81890.gateway.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of HTTP inputs for the gateway's routes: valid bodies and paths, then mutated (wrong types, huge
 * and deeply nested values, control characters, lone surrogates, invalid UTF-8, truncation, random bytes), sent
 * with a mix of methods, content types and credentials. The same seed gives the same inputs.
 */
final class HttpInputs {
    /** One request to send. {@code body} may be empty; {@code contentType} and {@code auth} may be null. */
    record Input(String method, String path, String contentType, String auth, String idempotencyKey, byte[] body) {
        @Override
        public String toString() {
            return method + " " + path + " [" + contentType + "] " + body.length + " bytes";
        }
    }

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD");
    private static final List<String> TYPES = java.util.Arrays.asList("application/json", "application/json",
            "application/json; charset=utf-8", "application/json; charset=iso-8859-1",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "text/plain", null);
    private static final List<String> NASTY = List.of("\\u0000", "\\u001b[2J", "\\ud800", "\\udfff\\ud800",
            "\\u202e", "😀", "\\\\", "\\\"", "'; DROP TABLE work_order; --", "%00", "../../etc/passwd", "{{7*7}}",
            "<script>alert(1)</script>", "\u0085", "\uFEFF", "١٢٣", "１３８００００１１１１");
    private final Random random;
    private final String adminToken;
    private final String partnerKey;
    private final List<String> tickets;
    private final List<String> offers;

    HttpInputs(long seed, String adminToken, String partnerKey, List<String> tickets, List<String> offers) {
        this.random = new Random(seed);
        this.adminToken = adminToken;
        this.partnerKey = partnerKey;
        this.tickets = tickets;
        this.offers = offers;
    }

    Input next() {
        int route = random.nextInt(9);
        String offer = pick(offers);
        return switch (route) {
            case 0 -> input("POST", "/api/admin/work-orders", admin(), workOrderBody());
            case 1 -> input("GET", "/api/admin/work-orders/" + maybe(pick(tickets)), admin(), "");
            case 2 -> input("GET", "/api/admin/work-orders?" + query(), admin(), "");
            case 3 -> input("POST", "/api/partner/offers/" + maybe(offer) + "/" + pick(List.of("accept", "decline",
                    "start", "complete", "extension", "nope")), partner(), partnerBody());
            case 4 -> input("GET", "/api/partner/offers/" + maybe(offer), partner(), "");
            case 5 -> input("POST", "/api/admin/click-to-call", admin(), clickToCallBody());
            case 6 -> input("GET", pick(List.of("/api/admin/kpis?days=", "/api/admin/providers/P-1/scorecard?days=",
                    "/api/admin/call-kpis?days=")) + maybe("30"), admin(), "");
            case 7 -> input("GET", pick(List.of("/health", "/metrics", "/api/partner/openapi.yaml", "/nowhere")),
                    null, random.nextBoolean() ? "" : "x=1");
            default -> input(pick(METHODS), pick(List.of("/api/admin/work-orders", "/health", "/api/partner/offers/"
                    + offer + "/accept", "/api/admin/click-to-call")), admin(), workOrderBody());
        };
    }

    private Input input(String method, String path, String auth, String body) {
        if (random.nextInt(8) == 0) {
            method = pick(METHODS);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(6) == 0) {
            bytes = mutateBytes(bytes);
        }
        String type = random.nextInt(4) == 0 ? pick(TYPES) : "application/json";
        String key = random.nextInt(3) == 0 ? "fuzz-" + random.nextInt(50) : null;
        return new Input(method, path, type, auth, key, bytes);
    }

    private String admin() {
        return switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> "bearer " + adminToken;
            case 2 -> "Bearer " + adminToken + "x";
            case 3 -> "Basic " + adminToken;
            default -> "Bearer " + adminToken;
        };
    }

    private String partner() {
        return switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> "BEARER " + partnerKey;
            case 2 -> "Bearer " + adminToken;
            default -> "Bearer " + partnerKey;
        };
    }

    private String workOrderBody() {
        StringBuilder b = new StringBuilder("{");
        field(b, "callerNumber", pick(List.of("\"13800001111\"", "\"+86 138-0000-2222\"", "\"abc\"", "13800001111",
                "\"\"", "null", "[\"138\"]")));
        field(b, "text", pick(List.of("\"路灯坏了\"", "\"家里水管爆了\"", "\"\"", "{\"a\":1}", "1e308")));
        if (random.nextBoolean()) {
            field(b, "serviceCode", pick(List.of("\"RP-03\"", "\"ZZ-99\"", "\"HK-01\"", "7")));
        }
        if (random.nextBoolean()) {
            field(b, "requestType", pick(List.of("\"help\"", "\"complaint\"", "\"moan\"", "true")));
        }
        if (random.nextBoolean()) {
            field(b, "area", pick(List.of("{\"district\":\"海曙区\",\"address\":\"中山西路8号\"}", "\"everywhere\"",
                    "{\"address\":[1,2]}", "{}")));
        }
        if (random.nextBoolean()) {
            field(b, "channel", pick(List.of("\"web\"", "\"sms\"", "\"pigeon\"", "0")));
        }
        return mutateJson(close(b));
    }

    private String partnerBody() {
        StringBuilder b = new StringBuilder("{");
        if (random.nextBoolean()) {
            field(b, "reason", pick(List.of("\"人手不够\"", "{\"a\":1}", "[1]", "\"" + "拒".repeat(600) + "\"")));
        }
        if (random.nextBoolean()) {
            field(b, "note", pick(List.of("\"已修好\"", "null", "\"" + "好".repeat(2100) + "\"")));
        }
        if (random.nextBoolean()) {
            field(b, "hours", pick(List.of("24", "1e308", "99999999999999999999999", "-1", "\"24\"", "0.0001",
                    "NaN")));
        }
        String body = close(b);
        return random.nextInt(5) == 0 ? "" : mutateJson(body);
    }

    private String clickToCallBody() {
        return mutateJson("{\"agent\":" + pick(List.of("\"1001\"", "1001", "\"x\"")) + ",\"number\":"
                + pick(List.of("\"13800001111\"", "[]", "\"call me\"")) + "}");
    }

    private String query() {
        return pick(List.of("state=", "caller=", "limit=", "state=RECEIVED&caller=1&limit=")) + pick(List.of(
                "MATCHED", "matched", "1", "-1", "500", "501", "99999999999999999999", "1234567890123456789012345",
                "%00", "%ZZ", "",
                "13800001111"));
    }

    private String mutateJson(String json) {
        return switch (random.nextInt(10)) {
            case 0 -> json.substring(0, random.nextInt(json.length() + 1));
            case 1 -> json.replaceFirst("\"[^\"]*\"(?=[,}])",
                    java.util.regex.Matcher.quoteReplacement("\"" + pick(NASTY) + "\""));
            case 2 -> "[".repeat(1 + random.nextInt(3000)) + "]".repeat(random.nextInt(3000));
            case 3 -> json.replaceFirst(":[^,}]*", ":\"" + "長".repeat(random.nextInt(80_000)) + "\"");
            case 4 -> json.replaceFirst(":[^,}]*", ":" + "{\"a\":".repeat(200 + random.nextInt(1500)) + "1"
                    + "}".repeat(200 + random.nextInt(1500)));
            case 5 -> json + json;
            default -> json;
        };
    }

    private byte[] mutateBytes(byte[] in) {
        byte[] out = java.util.Arrays.copyOf(in, Math.max(1, in.length + random.nextInt(5) - 2));
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            out[random.nextInt(out.length)] = (byte) (int) pick(List.of(0xC3, 0x28, 0xFF, 0xC0, 0x80, 0xED, 0xA0, 0x00,
                    random.nextInt(256)));
        }
        return out;
    }

    private void field(StringBuilder b, String name, String value) {
        if (random.nextInt(10) == 0) {
            return;
        }
        if (b.length() > 1) {
            b.append(',');
        }
        b.append('"').append(name).append("\":").append(value);
    }

    private static String close(StringBuilder b) {
        return b.append('}').toString();
    }

    private String maybe(String s) {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> s + "0";
            case 2 -> "%E9%95%BF";
            case 3 -> "9".repeat(random.nextInt(40));
            default -> s;
        };
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
