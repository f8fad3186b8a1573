package org.hotline81890.gateway.channel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP edge's pure parts: content types, bearer headers, text fields, the admin token's announcement. */
class EdgeTranslatorsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "application/json                          | true",
        "Application/JSON; charset=UTF-8           | true",
        "application/merge-patch+json              | true",
        "application/json; charset=iso-8859-1      | false",
        "application/x-www-form-urlencoded         | false",
        "multipart/form-data; boundary=x           | false",
        "text/plain                                | false",
        "NULL                                      | false",
    })
    void onlyJsonInUtf8ShouldBeTaken(String contentType, boolean taken) {
        assertThat(JsonBody.isJsonUtf8(contentType)).isEqualTo(taken);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "Bearer abc123      | abc123",
        "bearer abc123      | abc123",
        "BEARER   abc123    | abc123",
        "Basic abc123       | NULL",
        "Bearerabc123       | NULL",
        "Bearer             | NULL",
        "NULL               | NULL",
    })
    void theBearerSchemeShouldBeCaseInsensitive(String header, String credential) {
        assertThat(Bearer.of(header)).isEqualTo(Optional.ofNullable(credential));
    }

    @Test
    void textFieldsShouldDropControlCharactersKeepLinesAndRefuseLoneSurrogates() {
        JsonObject j = new JsonObject().put("t", "a\u0000b\r\nc\td\u009be\u001b😀").put("s", "x\ud800y")
                .put("n", 5).put("long", "好".repeat(11));
        assertThat(TextFields.optional(j, "t", 100)).contains("ab\nc\tde😀");
        assertThatThrownBy(() -> TextFields.optional(j, "s", 100)).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> TextFields.optional(j, "n", 100)).hasMessageContaining("must be a string");
        assertThatThrownBy(() -> TextFields.optional(j, "long", 10)).hasMessageContaining("longer than 10");
        assertThat(TextFields.optional(new JsonObject().put("e", "😀".repeat(10)), "e", 10)).isPresent();
    }

    @Test
    void jsonBodiesShouldBeStrictUtf8AndSayNothingOfTheParser() {
        assertThatThrownBy(() -> JsonBody.parse(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'}))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> JsonBody.parse("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadRequestException.class).hasMessageNotContaining("Jackson");
        assertThat(JsonBody.parse("{\"a\":\"路\"}".getBytes(StandardCharsets.UTF_8)).getString("a")).isEqualTo("路");
    }

    @Test
    void aGeneratedTokenShouldBePrintedOnlyToATerminal(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        AdminToken.resolve("", dir, new PrintStream(logged, true, StandardCharsets.UTF_8), false);
        String token = Files.readString(dir.resolve("admin-token")).strip();
        assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain(token).contains("admin-token");

        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        Path other = dir.resolve("other");
        AdminToken.resolve("", other, new PrintStream(shown, true, StandardCharsets.UTF_8), true);
        assertThat(shown.toString(StandardCharsets.UTF_8))
                .contains(Files.readString(other.resolve("admin-token")).strip());
    }
}
