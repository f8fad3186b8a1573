package org.hotline81890.gateway.channel.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code multipart/form-data} body (RFC 7578) read by our code, as {@link FormBody} reads a urlencoded one: text
 * fields as strict UTF-8, at most one file, and only in the field the route names. A pure translator; the reader that
 * collects the bytes and mounts it is {@link FormBody#acceptWithFile}.
 */
public final class MultipartForm {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    /** A file part: the client's file name is kept only to be ignored (it never names anything stored). */
    public record Upload(String field, byte[] bytes) {
    }

    /** The text fields in order and the file, if one was chosen. */
    record Parsed(List<Map.Entry<String, String>> fields, Optional<Upload> file) {
    }

    /** A part over its limit: 413 naming the field. */
    static final class TooLarge extends RuntimeException {
        private final String field;

        TooLarge(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    private MultipartForm() {
    }

    /** The boundary of a {@code multipart/form-data} content type, empty for any other type. */
    static Optional<String> boundary(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("multipart/form-data")) {
            return Optional.empty();
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring(9).strip().replace("\"", "");
                return b.isEmpty() || b.length() > 70 ? Optional.empty() : Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /**
     * Splits the body into parts. {@code fileField} is the one field that may carry a file, of at most
     * {@code maxFile} bytes; text fields together take at most {@code maxText} bytes and {@value FormBody#MAX_FIELDS}
     * fields. A file part with no name and no bytes (a file input left empty) counts as no file.
     */
    static Parsed parse(byte[] body, String boundary, String fileField, int maxFile, int maxText) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new BadRequestException("body", "the multipart body has no boundary");
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        Optional<Upload> file = Optional.empty();
        int text = 0;
        at += delimiter.length;
        while (true) {
            if (startsWith(body, at, new byte[] {'-', '-'})) {
                return new Parsed(fields, file);
            }
            if (!startsWith(body, at, CRLF)) {
                throw new BadRequestException("body", "the multipart body is malformed");
            }
            int headersEnd = indexOf(body, HEADERS_END, at + 2);
            int end = headersEnd < 0 ? -1 : indexOf(body, next, headersEnd + 4);
            if (end < 0) {
                throw new BadRequestException("body", "the multipart body is cut short");
            }
            Disposition d = disposition(new String(body, at + 2, headersEnd - at - 2, StandardCharsets.UTF_8));
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, end);
            if (d.fileName().isPresent()) {
                file = file(d, content, fileField, maxFile, file);
            } else {
                text += content.length;
                if (text > maxText) {
                    throw new TooLarge(d.name(), "the form's text is larger than " + maxText + " bytes");
                }
                if (fields.size() == FormBody.MAX_FIELDS) {
                    throw new BadRequestException("body", "more than " + FormBody.MAX_FIELDS + " fields");
                }
                fields.add(Map.entry(d.name(), utf8(content, d.name())));
            }
            at = end + next.length;
        }
    }

    private static Optional<Upload> file(Disposition d, byte[] content, String fileField, int maxFile,
                                         Optional<Upload> already) {
        if (!d.name().equals(fileField)) {
            throw new BadRequestException(d.name(), "this form takes a file only in field " + fileField);
        }
        if (d.fileName().get().isEmpty() && content.length == 0) {
            return already;
        }
        if (already.isPresent()) {
            throw new BadRequestException(fileField, "one file only");
        }
        if (content.length > maxFile) {
            throw new TooLarge(fileField, "the file is larger than " + maxFile + " bytes");
        }
        return Optional.of(new Upload(fileField, content));
    }

    private record Disposition(String name, Optional<String> fileName) {
    }

    private static Disposition disposition(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || !line.substring(0, colon).strip().equalsIgnoreCase("content-disposition")) {
                continue;
            }
            String name = null;
            String fileName = null;
            for (String p : line.substring(colon + 1).split(";")) {
                String s = p.strip();
                if (s.startsWith("name=")) {
                    name = unquote(s.substring(5));
                } else if (s.startsWith("filename=")) {
                    fileName = unquote(s.substring(9));
                }
            }
            if (name == null || name.isEmpty()) {
                break;
            }
            return new Disposition(name, Optional.ofNullable(fileName));
        }
        throw new BadRequestException("body", "a multipart part without Content-Disposition: form-data; name=");
    }

    private static String unquote(String s) {
        String v = s.strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static String utf8(byte[] content, String field) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException(field, "not valid UTF-8");
        }
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        return at + prefix.length <= body.length
                && Arrays.equals(body, at, at + prefix.length, prefix, 0, prefix.length);
    }

    static int indexOf(byte[] body, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= body.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
