package org.hotline81890.gateway.channel.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.hotline81890.gateway.callback.CallbackReason;
import org.hotline81890.gateway.callback.CallbackRequest;
import org.hotline81890.simulators.agi.AgiCallResult;
import org.hotline81890.simulators.agi.AgiCallSpec;
import org.hotline81890.simulators.agi.CallerScript;
import org.hotline81890.simulators.agi.Sounds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outside opening hours (a one-minute window twelve hours from now): pressing 1 puts the caller on the agents'
 * callback list. On a real Asterisk the old work order "非工作时间来电，请求回电" was matched as a power outage
 * (UT-03, through 来电): a callback request never goes through the matcher.
 */
class AfterHoursIT {
    @TempDir
    static Path dataDir;
    private static VoiceTestApp voice;
    private static int next = 7000;

    @BeforeAll
    static void start() {
        LocalTime from = LocalTime.now(ZoneOffset.UTC).plusHours(12).withSecond(0).withNano(0);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        voice = VoiceTestApp.start(dataDir, Map.of("HOTLINE_AMI_ENABLED", "false",
                "HOTLINE_AGI_TIME_ZONE", "UTC",
                "HOTLINE_AGI_OPENING_HOURS", from.format(hhmm) + "-" + from.plusMinutes(1).format(hhmm)));
    }

    @AfterAll
    static void stop() {
        voice.close();
    }

    private static synchronized AgiCallSpec.Builder call(String caller) {
        return AgiCallSpec.builder().script("intake").uniqueId("1795419500." + (++next)).callerIdNum(caller);
    }

    @Test
    void pressingOneShouldAddACallbackItemAndNoWorkOrder() {
        AgiCallResult r = voice.call(call("13800021111"), CallerScript.pressing("1"));

        assertThat(r.variable("HOTLINE_STATUS")).contains("CALLBACK");
        CallbackRequest item = openItem(r);
        assertThat(item.reason()).isEqualTo(CallbackReason.AFTER_HOURS);
        assertThat(item.number()).isEqualTo("13800021111");
        assertThat(voice.app().core().store().findByIdempotencyKey("phone:" + r.uniqueId())).isEmpty();
        assertThat(voice.app().core().store().listByCaller("13800021111", 5)).isEmpty();
        assertThat(r.commands()).contains("STREAM FILE \"" + Prompts.CALLBACK_RECORDED + "\" \"\"");
    }

    @Test
    void theSameCallComingBackShouldNotAskTwice() {
        AgiCallSpec.Builder spec = call("13800021112");
        AgiCallResult first = voice.call(spec, CallerScript.pressing("1"));
        AgiCallResult again = voice.call(spec, CallerScript.pressing("1"));

        assertThat(again.variable("HOTLINE_CALLBACK")).isEqualTo(first.variable("HOTLINE_CALLBACK"));
    }

    @Test
    void aMissingOfferPromptShouldStillLetTheCallerPressOne() {
        AgiCallResult r = voice.call(call("13800021113").sounds(Sounds.none()), CallerScript.pressing("1"));

        assertThat(r.variable("HOTLINE_STATUS")).contains("CALLBACK");
        assertThat(openItem(r).reason()).isEqualTo(CallbackReason.AFTER_HOURS);
    }

    @Test
    void notPressingOneShouldLeaveNothing() {
        AgiCallResult r = voice.call(call("13800021114"), CallerScript.silent());

        assertThat(r.variable("HOTLINE_STATUS")).contains("CLOSED");
        assertThat(voice.voice().callbacks().open(500)).noneMatch(c -> c.key().equals("phone:" + r.uniqueId()));
    }

    private static CallbackRequest openItem(AgiCallResult r) {
        long id = Long.parseLong(r.variable("HOTLINE_CALLBACK").orElseThrow());
        return voice.voice().callbacks().open(500).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }
}
