package org.hotline81890.simulators.transcript;

import java.util.Arrays;
import java.util.Objects;

/** One timed line of a transcript body: bytes on the wire, or a {@code #} note that was not on the wire. */
public sealed interface TranscriptLine {

    /** Seconds since the TCP connection was opened. */
    double seconds();

    /** Exact bytes of one wire line, line ending included. */
    record WireLine(double seconds, Direction direction, byte[] bytes) implements TranscriptLine {
        public WireLine {
            Objects.requireNonNull(direction, "direction");
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WireLine w && w.seconds == seconds && w.direction == direction
                    && Arrays.equals(w.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(seconds, direction, Arrays.hashCode(bytes));
        }

        @Override
        public String toString() {
            return seconds + " " + direction + " " + TranscriptReader.escape(bytes);
        }
    }

    /** A note from the capture program (connection accepted, EOF, what the orchestrator did). */
    record Note(double seconds, String text) implements TranscriptLine {
        public Note {
            Objects.requireNonNull(text, "text");
        }
    }
}
