package org.hotline81890.simulators.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hotline81890.simulators.support.Transcripts;
import org.junit.jupiter.api.Test;

class TranscriptReaderTest {

    @Test
    void parseLinesShouldUnescapeBytesAndKeepDirectionAndTime() {
        List<TranscriptLine> lines = TranscriptReader.parseLines("""
                # header, skipped
                    0.000 # TCP connection accepted from 127.0.0.1:1
                    0.501 > 200 result=1 (\\xe5\\xbc\\xa0)\\n
                    1.250 < Action: Ping\\r\\n
                    2.000 > a\\\\b\\tc\\n
                """);

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(new TranscriptLine.Note(0.0, "TCP connection accepted from 127.0.0.1:1"));
        TranscriptLine.WireLine reply = (TranscriptLine.WireLine) lines.get(1);
        assertThat(reply.direction()).isEqualTo(Direction.FROM_ASTERISK);
        assertThat(reply.seconds()).isEqualTo(0.501);
        assertThat(new String(reply.bytes(), StandardCharsets.UTF_8)).isEqualTo("200 result=1 (张)\n");
        assertThat(((TranscriptLine.WireLine) lines.get(2)).bytes()).isEqualTo("Action: Ping\r\n".getBytes());
        assertThat(((TranscriptLine.WireLine) lines.get(2)).direction()).isEqualTo(Direction.TO_ASTERISK);
        assertThat(((TranscriptLine.WireLine) lines.get(3)).bytes()).isEqualTo("a\\b\tc\n".getBytes());
    }

    @Test
    void escapeShouldBeTheInverseOfUnescape() {
        byte[] raw = {'A', '\r', '\n', '\\', (byte) 0xe5, '\t', 0x01};
        assertThat(TranscriptReader.unescape(TranscriptReader.escape(raw))).isEqualTo(raw);
        assertThat(TranscriptReader.escape(raw)).isEqualTo("A\\r\\n\\\\\\xe5\\t\\x01");
    }

    @Test
    void unknownEscapeShouldBeRejected() {
        assertThatThrownBy(() -> TranscriptReader.unescape("a\\qb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fastagiArgsShouldSplitIntoFiveSessionsEachEndingWithTheHalfCloseHangup() {
        List<Transcript> sessions = Transcripts.sessions("fastagi-args.txt");

        assertThat(sessions).hasSize(5);
        for (Transcript s : sessions) {
            List<TranscriptLine.WireLine> wire = s.wireLines();
            assertThat(wire.getFirst().bytes()).isEqualTo("agi_network: yes\n".getBytes());
            assertThat(wire.getLast().bytes()).isEqualTo("HANGUP\n".getBytes());
            assertThat(s.bytesFrom(Direction.FROM_ASTERISK)).doesNotContain((byte) '\r');
        }
    }

    @Test
    void amiTranscriptsShouldUseCrLfOnEveryLine() {
        for (String file : List.of("ami-login.txt", "ami-errors.txt", "ami-originate.txt", "ami-queuestatus.txt")) {
            for (Transcript s : Transcripts.sessions(file)) {
                assertThat(s.wireLines()).allSatisfy(w -> assertThat(new String(w.bytes())).endsWith("\r\n"));
            }
        }
    }
}
