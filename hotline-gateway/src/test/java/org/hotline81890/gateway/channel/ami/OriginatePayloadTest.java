package org.hotline81890.gateway.channel.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import io.vertx.core.json.JsonObject;
import org.hotline81890.gateway.voice.OriginateRequest;
import org.hotline81890.gateway.voice.OriginateRequest.Purpose;
import org.junit.jupiter.api.Test;

class OriginatePayloadTest {
    @Test
    void aSurveyCallbackShouldReadBackAsWritten() {
        OriginateRequest r = new OriginateRequest(Purpose.SURVEY, "13800138000", Optional.of("123456789"),
                Optional.empty());

        assertThat(OriginatePayload.parse(r.toJson())).isEqualTo(r);
        assertThat(new JsonObject(r.toJson())).isEqualTo(new JsonObject().put("purpose", "survey")
                .put("number", "13800138000").put("ticket", "123456789"));
    }

    @Test
    void anAgentChannelWithQuotesBackslashesAndControlsShouldSurviveTheRoundTrip() {
        OriginateRequest r = new OriginateRequest(Purpose.CLICK_TO_CALL, "+8657481890", Optional.empty(),
                Optional.of("Local/\"1001\"\\x\n\t坐席@agents"));

        assertThat(OriginatePayload.parse(r.toJson())).isEqualTo(r);
    }
}
