package org.hotline81890.gateway.channel.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.hotline81890.directory.ivr.IvrMenu;
import org.hotline81890.directory.ivr.IvrSettings;
import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.simulators.agi.Sounds;
import org.junit.jupiter.api.Test;

/** The shipped Mandarin prompt set (config/asterisk/sounds/zh) has every prompt Prompts.java names, as Asterisk
 * wants them. */
class PromptSetTest {
    private static final Path SOUNDS = Path.of("").toAbsolutePath().getParent().resolve("config/asterisk/sounds");
    private static final List<Prompts.Line> ALL = Prompts.all(
            new IvrMenu(DirectoryLoader.loadDefault(), IvrSettings.defaults()));

    @Test
    void everyPromptShouldExistInTheShippedSetAsAsteriskLooksItUp() {
        Sounds shipped = Sounds.directory(SOUNDS);

        assertThat(ALL).extracting(Prompts.Line::name).allSatisfy(name ->
                assertThat(shipped.exists("zh", name)).as(name).isTrue());
    }

    @Test
    void theListShouldCoverTheScriptsTheStatesTheDigitsAndEveryMenuPage() {
        assertThat(ALL).extracting(Prompts.Line::name).contains(Prompts.WELCOME, Prompts.CALL_AGAIN,
                Prompts.CLOSED_OFFER_CALLBACK, Prompts.CALLBACK_RECORDED, Prompts.QUEUE_TIMEOUT, Prompts.ENTER_TICKET,
                Prompts.TICKET_UNKNOWN, Prompts.TICKET_IS, Prompts.SURVEY_QUESTION, Prompts.THANK_YOU,
                Prompts.GOODBYE, "digits/0", "digits/9", "hotline/menu-root-0");
        for (WorkOrderState s : WorkOrderState.values()) {
            assertThat(ALL).extracting(Prompts.Line::name).contains(Prompts.state(s));
        }
        IvrMenu menu = new IvrMenu(DirectoryLoader.loadDefault(), IvrSettings.defaults());
        assertThat(Prompts.pages(menu)).hasSizeGreaterThan(20)
                .allSatisfy(page -> assertThat(ALL).extracting(Prompts.Line::name).contains(Prompts.menu(page)));
        assertThat(ALL).extracting(Prompts.Line::zh).allSatisfy(text -> assertThat(text).isNotBlank());
    }

    @Test
    void everyFileShouldBe8KhzMono16BitSignedLinearWav() throws IOException, UnsupportedAudioFileException {
        for (Prompts.Line line : ALL) {
            AudioFileFormat file = AudioSystem.getAudioFileFormat(SOUNDS.resolve("zh/" + line.name() + ".wav")
                    .toFile());
            AudioFormat f = file.getFormat();
            assertThat(file.getType()).as(line.name()).isEqualTo(AudioFileFormat.Type.WAVE);
            assertThat(f.getEncoding()).as(line.name()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
            assertThat(f.getSampleRate()).as(line.name()).isEqualTo(8000f);
            assertThat(f.getChannels()).as(line.name()).isEqualTo(1);
            assertThat(f.getSampleSizeInBits()).as(line.name()).isEqualTo(16);
            assertThat(file.getFrameLength()).as(line.name()).isGreaterThan(1600);
        }
    }

    @Test
    void theShippedSetShouldHaveBeenMadeFromTheCurrentTexts() throws IOException {
        List<String> made = Files.readAllLines(SOUNDS.resolve("zh/prompts.txt"), StandardCharsets.UTF_8);

        assertThat(made).as("config/asterisk/sounds/zh/prompts.txt: run src/bin/make-prompts")
                .containsExactlyElementsOf(ALL.stream().map(l -> l.name() + "\t" + l.zh()).toList());
    }
}
