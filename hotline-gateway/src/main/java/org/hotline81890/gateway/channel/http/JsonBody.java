package org.hotline81890.gateway.channel.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Body handling for the API routes that take one (ADR 0011): only there, only as JSON in UTF-8, only up to a size
 * limit. Anything else is answered before a byte of it is decoded: 415 for another content type, 413 over the limit,
 * 400 naming {@code body} for bytes that are not UTF-8 or not a JSON object. Routes without a body never read one,
 * so a form sent to {@code GET /health} cannot reach a decoder. Page routes add their own form handling per route.
 */
public final class JsonBody {
    private static final String KEY = "hotline.json-body";

    private JsonBody() {
    }

    /**
     * Mounts the body handling of {@code POST path}: a route that checks the headers, then one that reads and
     * decodes the body (Vert.x wants a route's body handler before its own handlers), to which the caller adds its
     * handler; that reads the body with {@link #of}.
     */
    public static Route accept(Router router, String path, int maxBytes) {
        router.post(path).handler(ctx -> checkHeaders(ctx, maxBytes));
        return router.post(path).handler(BodyHandler.create().setBodyLimit(maxBytes).setHandleFileUploads(false))
                .handler(JsonBody::decode);
    }

    /** The decoded body, empty when the request had none. */
    public static Optional<JsonObject> of(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(KEY));
    }

    /**
     * A declared content type other than JSON is refused before the body is read (so no form or multipart decoder
     * ever runs); a body that arrives without a content type is refused once read ({@link #decode}). Whether a
     * body follows cannot be told from the headers alone (HTTP/2 streams carry no Transfer-Encoding).
     */
    private static void checkHeaders(RoutingContext ctx, int maxBytes) {
        HttpServerRequest request = ctx.request();
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && !isJsonUtf8(type)) {
            unsupported(ctx);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLong(length.strip(), maxBytes)) {
            HttpErrors.tooLarge(ctx, maxBytes);
            return;
        }
        ctx.next();
    }

    private static void unsupported(RoutingContext ctx) {
        ctx.response().putHeader("Accept-Post", "application/json");
        HttpErrors.send(ctx, 415, new JsonObject().put("error", "unsupported media type")
                .put("message", "this route takes a JSON object sent as Content-Type: application/json (UTF-8), "
                        + "or no body"));
    }

    private static boolean tooLong(String length, int maxBytes) {
        try {
            return Long.parseLong(length) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean isJsonUtf8(String contentType) {
        return contentType != null && Bodies.isUtf8Of(contentType, media -> media.equals("application/json")
                || media.startsWith("application/") && media.endsWith("+json"));
    }

    private static void decode(RoutingContext ctx) {
        Buffer buffer = ctx.body() == null ? null : ctx.body().buffer();
        if (buffer == null || buffer.length() == 0) {
            ctx.next();
            return;
        }
        if (ctx.request().getHeader(HttpHeaders.CONTENT_TYPE) == null) {
            unsupported(ctx);
            return;
        }
        try {
            ctx.put(KEY, parse(buffer.getBytes()));
        } catch (BadRequestException e) {
            HttpErrors.fail(ctx, e);
            return;
        }
        ctx.next();
    }

    /** Strict UTF-8, then one JSON object; the message never quotes the parser's internals. */
    public static JsonObject parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException("body", "the body is not valid UTF-8");
        }
        if (text.isBlank()) {
            throw new BadRequestException("body", "a JSON object is required");
        }
        try {
            return new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw new BadRequestException("body", "the body is not a JSON object (or is nested too deeply)");
        } catch (RuntimeException e) {
            throw new BadRequestException("body", "the body is not a JSON object that can be read");
        }
    }
}
