package org.hotline81890.gateway.channel.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The pages' form bodies ({@code application/x-www-form-urlencoded}, what a {@code <form method=post>} and htmx
 * send): read only on the routes that take one, up to {@code http.max-body} bytes and {@value #MAX_FIELDS} fields,
 * decoded as strict UTF-8 by this class (Vert.x's multipart decoder never runs). The fields are then read as usual
 * with {@code ctx.request().getFormAttribute(name)}. Refusals are short plain-text answers: 415 for another content
 * type, 413 over the limit, 400 for bytes that are not a form in UTF-8. See the package docs for how to mount it.
 */
public final class FormBody {
    static final int MAX_FIELDS = 100;
    static final String TYPE = "application/x-www-form-urlencoded";
    private static final String READ = "hotline.form-read";

    private static final String UPLOAD = "hotline.form-upload";
    /** An over-limit body is read and dropped up to this many times its limit (so the browser sees the answer). */
    private static final int DRAIN_FACTOR = 4;

    private FormBody() {
    }

    /** How a route that takes a file answers a refused body in its own page (413, 415 or 400 naming the field). */
    @FunctionalInterface
    public interface Refusal {
        void answer(RoutingContext ctx, int status, String field, String message);
    }

    /**
     * {@code POST path} with a form that may carry one file: a urlencoded form is read as by {@link #accept}; a
     * {@code multipart/form-data} one is read whole (text fields up to {@code http.max-body}, the file in
     * {@code fileField} up to {@code maxFile} bytes) and split by {@link MultipartForm}, our own reader (no Vert.x
     * decoder runs). The text fields are then read with {@code getFormAttribute}, the file with {@link #upload}.
     * An over-limit or malformed multipart body is answered by {@code refusal}, after the rest of it was dropped.
     */
    public static Route acceptWithFile(Router router, String path, String fileField, int maxFile, Refusal refusal) {
        return router.post(path).handler(ctx -> {
            Optional<String> boundary = MultipartForm.boundary(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
            if (boundary.isEmpty() || Boolean.TRUE.equals(ctx.get(READ))) {
                read(ctx, ctx::next);
            } else {
                readMultipart(ctx, boundary.get(), fileField, maxFile, refusal);
            }
        });
    }

    /** The file a multipart form carried, if one was chosen. */
    public static Optional<MultipartForm.Upload> upload(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(UPLOAD));
    }

    private static void readMultipart(RoutingContext ctx, String boundary, String fileField, int maxFile,
                                      Refusal refusal) {
        HttpServerRequest request = ctx.request();
        int maxText = Bodies.limit(ctx);
        long max = (long) maxFile + maxText;
        String tooLarge = fileField + "：文件不能超过 " + (maxFile >= 1 << 20 ? maxFile / (1 << 20) + " MB"
                : maxFile + " 字节");
        if (request.isEnded()) {
            refusal.answer(ctx, 400, "body", "body：表单是空的");
            return;
        }
        Buffer body = Buffer.buffer();
        long[] seen = {0};
        boolean[] answered = {false};
        boolean declaredOver = Bodies.declaredTooLong(request, (int) Math.min(Integer.MAX_VALUE, max));
        request.handler(chunk -> {
            seen[0] += chunk.length();
            if (answered[0]) {
                return;
            }
            if (seen[0] > max * DRAIN_FACTOR) {
                answered[0] = true;
                refusal.answer(ctx, 413, fileField, tooLarge);
                ctx.addEndHandler(v -> request.connection().close());
                return;
            }
            if (!declaredOver && seen[0] <= max) {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(end -> {
            if (answered[0] || ctx.response().ended()) {
                return;
            }
            if (declaredOver || seen[0] > max) {
                refusal.answer(ctx, 413, fileField, tooLarge);
                return;
            }
            try {
                MultipartForm.Parsed parsed = MultipartForm.parse(body.getBytes(), boundary, fileField, maxFile,
                        maxText);
                parsed.file().ifPresent(f -> ctx.put(UPLOAD, f));
                accepted(ctx, parsed.fields(), ctx::next);
            } catch (MultipartForm.TooLarge e) {
                refusal.answer(ctx, 413, e.field(), e.field().equals(fileField) ? tooLarge
                        : e.field() + "：" + e.getMessage());
            } catch (BadRequestException e) {
                refusal.answer(ctx, 400, e.field(), e.field() + "：" + e.getMessage());
            }
        });
        request.resume();
    }

    /**
     * {@code POST path} with a form: the reader first, then the caller's handler on the returned route, e.g.
     * {@code FormBody.accept(router, "/agent/state").handler(this::handleState)}.
     */
    public static Route accept(Router router, String path) {
        return router.post(path).handler(ctx -> read(ctx, ctx::next));
    }

    /**
     * Reads and decodes the form once (a second call runs {@code then} at once), then runs {@code then}; a refused
     * body is answered here and {@code then} never runs. The access gate uses it for the CSRF field.
     */
    static void read(RoutingContext ctx, Runnable then) {
        if (Boolean.TRUE.equals(ctx.get(READ))) {
            then.run();
            return;
        }
        HttpServerRequest request = ctx.request();
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && !isForm(type)) {
            refuse(ctx, 415, "此处只接受表单 (" + TYPE + ", UTF-8)");
            return;
        }
        int max = Bodies.limit(ctx);
        if (Bodies.declaredTooLong(request, max)) {
            refuse(ctx, 413, "表单太大 (over " + max + " bytes)");
            return;
        }
        if (request.isEnded()) {
            accepted(ctx, List.of(), then);
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] over = {false};
        request.handler(chunk -> {
            if (over[0]) {
                return;
            }
            if (body.length() + chunk.length() > max) {
                over[0] = true;
                refuse(ctx, 413, "表单太大 (over " + max + " bytes)");
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (over[0]) {
                return;
            }
            if (body.length() > 0 && type == null) {
                refuse(ctx, 415, "此处只接受表单 (" + TYPE + ", UTF-8)");
                return;
            }
            try {
                accepted(ctx, decode(body.getBytes()), then);
            } catch (BadRequestException e) {
                refuse(ctx, 400, "表单无法读取: " + e.getMessage());
            }
        });
        request.resume();
    }

    private static void accepted(RoutingContext ctx, List<Map.Entry<String, String>> fields, Runnable then) {
        fields.forEach(f -> ctx.request().formAttributes().add(f.getKey(), f.getValue()));
        ctx.put(READ, true);
        then.run();
    }

    private static void refuse(RoutingContext ctx, int status, String message) {
        if (ctx.response().ended()) {
            return;
        }
        if (status == 415) {
            ctx.response().putHeader("Accept-Post", TYPE);
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(message);
    }

    static boolean isForm(String contentType) {
        return Bodies.isUtf8Of(contentType, TYPE::equals);
    }

    /** {@code a=1&b=x+y%E4%BD%A0}: the fields in order; a bad escape, bad UTF-8 or too many fields is a 400. */
    static List<Map.Entry<String, String>> decode(byte[] bytes) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] != '&') {
                continue;
            }
            if (i > start) {
                if (fields.size() == MAX_FIELDS) {
                    throw new BadRequestException("body", "more than " + MAX_FIELDS + " fields");
                }
                fields.add(field(bytes, start, i));
            }
            start = i + 1;
        }
        return fields;
    }

    private static Map.Entry<String, String> field(byte[] bytes, int from, int to) {
        int eq = from;
        while (eq < to && bytes[eq] != '=') {
            eq++;
        }
        String name = component(bytes, from, eq);
        String value = eq < to ? component(bytes, eq + 1, to) : "";
        return Map.entry(name, value);
    }

    private static String component(byte[] bytes, int from, int to) {
        ByteBuffer out = ByteBuffer.allocate(to - from);
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '+') {
                out.put((byte) ' ');
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw new BadRequestException("body", "a % escape is cut short");
                }
                int hi = Character.digit(bytes[i + 1], 16);
                int lo = Character.digit(bytes[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    throw new BadRequestException("body", "a % escape is not hexadecimal");
                }
                out.put((byte) (hi << 4 | lo));
                i += 2;
            } else {
                out.put(b);
            }
        }
        out.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(out).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException("body", "the form is not valid UTF-8");
        }
    }
}
