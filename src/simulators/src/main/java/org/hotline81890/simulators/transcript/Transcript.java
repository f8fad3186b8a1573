package org.hotline81890.simulators.transcript;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of one TCP connection in a transcript file (a file may hold several, e.g. {@code fastagi-args.txt}).
 *
 * @param lines wire lines and notes in file order
 */
public record Transcript(List<TranscriptLine> lines) {
    public Transcript {
        lines = List.copyOf(lines);
    }

    public List<TranscriptLine.WireLine> wireLines() {
        List<TranscriptLine.WireLine> out = new ArrayList<>();
        for (TranscriptLine line : lines) {
            if (line instanceof TranscriptLine.WireLine w) {
                out.add(w);
            }
        }
        return out;
    }

    public List<TranscriptLine.Note> notes() {
        return lines.stream().filter(TranscriptLine.Note.class::isInstance).map(TranscriptLine.Note.class::cast)
                .toList();
    }

    /** All bytes one side sent, concatenated in order. */
    public byte[] bytesFrom(Direction direction) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (TranscriptLine.WireLine w : wireLines()) {
            if (w.direction() == direction) {
                out.writeBytes(w.bytes());
            }
        }
        return out.toByteArray();
    }
}
