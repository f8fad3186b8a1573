package org.hotline81890.gateway.channel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormBodyTest {
    private static List<Map.Entry<String, String>> decode(String form) {
        return FormBody.decode(form.getBytes(StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a=1&b=2|a=1,b=2",
        "name=%E7%8E%8B+%E8%8A%B3|name=王 芳",
        "a=&b|a=,b=",
        "&&a=x%3Dy&&|a=x=y",
        "%41%62=%7e|Ab=~"})
    void aFormShouldDecodeToItsFieldsInOrder(String form, String expected) {
        List<String> fields = decode(form).stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        assertThat(String.join(",", fields)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%", "a=%4", "a=%zz", "a=%FC", "a=%E7%8E", "a=\u00e9", "%C0%AF=1"})
    void anEscapeOrBytesThatAreNotUtf8ShouldBeRefusedNamingTheBody(String form) {
        assertThatThrownBy(() -> decode(form)).isInstanceOf(BadRequestException.class)
                .extracting(e -> ((BadRequestException) e).field()).isEqualTo("body");
    }

    @ParameterizedTest
    @CsvSource({"100,true", "101,false"})
    void theFieldCountShouldBeBounded(int n, boolean ok) {
        String form = "a=1&".repeat(n);
        if (ok) {
            assertThat(decode(form)).hasSize(n);
        } else {
            assertThatThrownBy(() -> decode(form)).isInstanceOf(BadRequestException.class);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/x-www-form-urlencoded|true",
        "Application/X-WWW-Form-Urlencoded; charset=UTF-8|true",
        "application/x-www-form-urlencoded; charset=\"utf-8\"|true",
        "application/x-www-form-urlencoded; charset=ISO-8859-1|false",
        "multipart/form-data; boundary=x|false",
        "application/json|false",
        "text/plain|false"})
    void onlyAUtf8FormShouldBeTaken(String type, boolean taken) {
        assertThat(FormBody.isForm(type)).isEqualTo(taken);
    }
}
