package org.hotline81890.simulators.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What a real Asterisk 22 does when a sound file is missing (res_agi handle_streamfile / handle_getdata,
 * main/say.c, main/file.c) and what AGISTATUS it leaves when the script ends (run_agi).
 */
class MissingPromptTest {
    private final AgiCallSimulator asterisk = new AgiCallSimulator();

    private AgiCallResult call(List<String> commands, Sounds sounds, CallerScript caller) throws IOException {
        try (ScriptedFastAgi server = new ScriptedFastAgi(commands)) {
            return asterisk.run("127.0.0.1", server.port(),
                    AgiCallSpec.builder().language("zh").answered(true).sounds(sounds).build(), caller);
        }
    }

    @Test
    void streamFileOfAMissingPromptShouldFailAtOnceAndMakeAgistatusFailureEvenIfTheScriptCarriesOn()
            throws IOException {
        AgiCallResult r = call(List.of("ANSWER", "STREAM FILE hotline/welcome \"\"",
                "SET VARIABLE HOTLINE_STATUS OK"), Sounds.none(), CallerScript.silent());

        assertThat(r.exchanges().get(1).reply()).isEqualTo("200 result=-1 endpos=0");
        assertThat(r.variable("HOTLINE_STATUS")).contains("OK");
        assertThat(r.agiStatus()).isEqualTo("FAILURE");
    }

    @Test
    void getDataWithAMissingPromptShouldAnswerMinusOneWithTheChannelStillUpAndReadNoDigit() throws IOException {
        AgiCallResult r = call(List.of("GET DATA hotline/enter-ticket 5000 9", "CHANNEL STATUS",
                "GET DATA \"\" 5000 9"), Sounds.none(), CallerScript.pressing("123456789"));

        assertThat(r.exchanges()).extracting(AgiExchange::reply)
                .containsExactly("200 result=-1", "200 result=6", "200 result=123456789");
        assertThat(r.hungUp()).isFalse();
        assertThat(r.agiStatus()).isEqualTo("SUCCESS");
    }

    @Test
    void sayDigitsShouldSkipMissingDigitFilesSilently() throws IOException {
        AgiCallResult r = call(List.of("SAY DIGITS 123 \"\""), Sounds.none(), CallerScript.silent());

        assertThat(r.exchanges().getFirst().reply()).isEqualTo("200 result=0");
        assertThat(r.agiStatus()).isEqualTo("SUCCESS");
    }

    @Test
    void aCallerHangingUpShouldGiveHangupAndAHungUpGetDataLooksTheSameAsAMissingPrompt() throws IOException {
        AgiCallResult r = call(List.of("GET DATA hotline/enter-ticket 5000 9", "CHANNEL STATUS"), Sounds.all(),
                CallerScript.of(CallerAction.hangUp()));

        assertThat(r.exchanges()).extracting(AgiExchange::reply)
                .containsExactly("200 result=-1", AgiReply.DEAD);
        assertThat(r.agiStatus()).isEqualTo("HANGUP");
    }

    @Test
    void aRefusedConnectionShouldGiveFailure() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        AgiCallResult r = asterisk.run("127.0.0.1", closedPort, AgiCallSpec.builder().build(), CallerScript.silent());

        assertThat(r.failure()).isPresent();
        assertThat(r.agiStatus()).isEqualTo("FAILURE");
    }

    @Test
    void aServerClosingWithoutSettingAnythingShouldGiveSuccess() throws IOException {
        AgiCallResult r = call(List.of("ANSWER"), Sounds.all(), CallerScript.silent());

        assertThat(r.agiStatus()).isEqualTo("SUCCESS");
        assertThat(r.variable("HOTLINE_STATUS")).isEmpty();
    }

    @Test
    void aSoundDirectoryShouldBeSearchedLikeAsteriskLanguageThenNoneThenEnglish(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path root) throws IOException {
        java.nio.file.Files.createDirectories(root.resolve("zh/hotline"));
        java.nio.file.Files.createDirectories(root.resolve("en/digits"));
        java.nio.file.Files.write(root.resolve("zh/hotline/welcome.wav"), new byte[] {0});
        java.nio.file.Files.write(root.resolve("en/digits/1.gsm"), new byte[] {0});
        Sounds sounds = Sounds.directory(root);

        assertThat(sounds.exists("zh", "hotline/welcome")).isTrue();
        assertThat(sounds.exists("zh_CN", "hotline/welcome")).isTrue();
        assertThat(sounds.exists("en", "hotline/welcome")).isFalse();
        assertThat(sounds.exists("zh", "digits/1")).isTrue();
        assertThat(sounds.exists("zh", "digits/2")).isFalse();
    }
}
