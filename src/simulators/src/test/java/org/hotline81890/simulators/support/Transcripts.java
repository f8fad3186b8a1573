package org.hotline81890.simulators.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hotline81890.simulators.transcript.Transcript;
import org.hotline81890.simulators.transcript.TranscriptReader;

/** Finds {@code ../shared/asterisk-transcripts/} from the module directory (Maven runs tests in src/simulators). */
public final class Transcripts {

    private Transcripts() {
    }

    public static Path dir() {
        Path repoRoot = Path.of("").toAbsolutePath().resolve("../..").normalize();
        Path dir = repoRoot.resolve("../shared/asterisk-transcripts").normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("transcripts not found at " + dir);
        }
        return dir;
    }

    public static List<Transcript> sessions(String file) {
        try {
            return TranscriptReader.readSessions(dir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
