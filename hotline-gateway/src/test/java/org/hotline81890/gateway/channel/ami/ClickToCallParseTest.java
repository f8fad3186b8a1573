package org.hotline81890.gateway.channel.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.vertx.core.json.JsonObject;

import org.hotline81890.gateway.channel.http.BadRequestException;
import org.hotline81890.gateway.channel.http.JsonBody;
import org.hotline81890.gateway.voice.OriginateRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClickToCallParseTest {
    private static final String AGENT = "PJSIP/{extension}";

    private static Optional<JsonObject> json(String body) {
        return body == null ? Optional.empty() : Optional.of(JsonBody.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} -> {1} {2} {3}")
    @CsvSource(delimiter = '|', value = {
        "{\"agent\":\"1001\",\"number\":\"13800001111\"}                      | PJSIP/1001 | 13800001111  | ",
        "{\"agent\":\"1002\",\"number\":\"+86 138-0000-1111\"}                | PJSIP/1002 | +8613800001111 | ",
        "{\"agent\":\"1003\",\"number\":\"12345\",\"ticket\":\"123456789\"}  | PJSIP/1003 | 12345        | 123456789",
    })
    void aGoodBodyBecomesAClickToCallOriginate(String body, String channel, String number, String ticket) {
        OriginateRequest r = ClickToCallRoutes.parse(json(body), AGENT);
        assertThat(r.purpose()).isEqualTo(OriginateRequest.Purpose.CLICK_TO_CALL);
        assertThat(r.agent()).contains(channel);
        assertThat(r.number()).isEqualTo(number);
        assertThat(r.ticket()).isEqualTo(Optional.ofNullable(ticket));
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource(delimiter = '|', value = {
        "                                                       | body   | JSON object",
        "[1,2]                                                  | body   | JSON object",
        "{\"number\":\"13800001111\"}                           | agent  | missing",
        "{\"agent\":\"1\",\"number\":\"13800001111\"}           | agent  | '1'",
        "{\"agent\":\"PJSIP/1001\",\"number\":\"13800001111\"}  | agent  | 2 to 8 digits",
        "{\"agent\":\"1001\"}                                   | number | missing",
        "{\"agent\":1002,\"number\":\"13800001111\"}             | agent  | must be a string",
        "{\"agent\":\"1001\",\"number\":[\"13800001111\"]}       | number | must be a string",
        "{\"agent\":\"1001\",\"number\":\"12\"}                 | number | '12'",
        "{\"agent\":\"1001\",\"number\":\"1380000111x\"}        | number | 3 to 31 digits",
        "{\"agent\":\"1001\",\"number\":\"13800001111\",\"ticket\":\"T-1\"} | ticket | 9-digit",
    })
    void aBadBodyNamesTheFieldAndSaysWhy(String body, String field, String saying) {
        assertThatThrownBy(() -> ClickToCallRoutes.parse(json(body), AGENT)).isInstanceOfSatisfying(
                BadRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(saying);
                });
    }
}
