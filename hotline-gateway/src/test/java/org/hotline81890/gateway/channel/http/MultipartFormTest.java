package org.hotline81890.gateway.channel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MultipartFormTest {
    private static final String B = "----WebKitFormBoundaryQ7x";

    private static byte[] body(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : parts) {
            out.writeBytes(("--" + B + "\r\n" + p + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + B + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String text(String name, String value) {
        return "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value;
    }

    private static String file(String name, String fileName, String content) {
        return "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/png\r\n\r\n" + content;
    }

    @Test
    void theBoundaryIsReadFromAFormDataContentTypeOnly() {
        assertThat(MultipartForm.boundary("multipart/form-data; boundary=" + B)).contains(B);
        assertThat(MultipartForm.boundary("Multipart/Form-Data; boundary=\"abc\"")).contains("abc");
        assertThat(MultipartForm.boundary("multipart/mixed; boundary=abc")).isEmpty();
        assertThat(MultipartForm.boundary("application/x-www-form-urlencoded")).isEmpty();
        assertThat(MultipartForm.boundary("multipart/form-data")).isEmpty();
        assertThat(MultipartForm.boundary(null)).isEmpty();
    }

    @Test
    void textFieldsAndTheOneFileAreSplitWithTheClientsFileNameDropped() {
        MultipartForm.Parsed p = MultipartForm.parse(body(text("note", "已完成，厨房\r\n卫生间"),
                file("photo", "../../etc/passwd.png", "PNGDATA")), B, "photo", 100, 100);
        assertThat(p.fields()).containsExactly(Map.entry("note", "已完成，厨房\r\n卫生间"));
        assertThat(p.file()).hasValueSatisfying(f -> {
            assertThat(f.field()).isEqualTo("photo");
            assertThat(new String(f.bytes(), StandardCharsets.US_ASCII)).isEqualTo("PNGDATA");
        });
    }

    @Test
    void aFileInputLeftEmptyIsNoFile() {
        assertThat(MultipartForm.parse(body(text("note", ""), file("photo", "", "")), B, "photo", 100, 100).file())
                .isEqualTo(Optional.empty());
    }

    @Test
    void aFileOverItsLimitIsTooLargeNamingItsField() {
        assertThatThrownBy(() -> MultipartForm.parse(body(file("photo", "a.png", "x".repeat(101))), B, "photo",
                100, 100)).isInstanceOfSatisfying(MultipartForm.TooLarge.class,
                        e -> assertThat(e.field()).isEqualTo("photo"));
    }

    @Test
    void badBodiesAreBadRequestsNamingTheField() {
        assertThatThrownBy(() -> MultipartForm.parse(body(file("note", "a.png", "x")), B, "photo", 100, 100))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("note"));
        assertThatThrownBy(() -> MultipartForm.parse(body(file("photo", "a.png", "x"), file("photo", "b.png", "y")),
                B, "photo", 100, 100)).isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("photo"));
        byte[] latin1 = body(text("note", "caf\u00e9"));
        String cut = new String(latin1, StandardCharsets.UTF_8).replace("caf\u00e9", "caf\u00ff");
        assertThatThrownBy(() -> MultipartForm.parse(cut.getBytes(StandardCharsets.ISO_8859_1), B, "photo", 100,
                100)).isInstanceOf(BadRequestException.class);
        byte[] whole = body(text("note", "x"));
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 10);
        assertThatThrownBy(() -> MultipartForm.parse(truncated, B, "photo", 100, 100))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("body"));
        assertThatThrownBy(() -> MultipartForm.parse("no parts".getBytes(StandardCharsets.US_ASCII), B, "photo",
                100, 100)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> MultipartForm.parse(body("Content-Type: text/plain\r\n\r\nx"), B, "photo", 100,
                100)).isInstanceOf(BadRequestException.class);
    }

    @Test
    void textBeyondTheFormLimitIsTooLarge() {
        assertThatThrownBy(() -> MultipartForm.parse(body(text("note", "y".repeat(60)), text("more", "z".repeat(60))),
                B, "photo", 100, 100)).isInstanceOf(MultipartForm.TooLarge.class);
    }
}
