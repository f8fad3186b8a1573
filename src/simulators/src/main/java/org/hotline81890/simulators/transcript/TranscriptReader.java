package org.hotline81890.simulators.transcript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the wire transcripts of {@code ../shared/asterisk-transcripts/}: {@code <seconds> <dir> <escaped bytes>}
 * lines ({@code >} Asterisk, {@code <} the other side, {@code #} a note); lines starting with {@code #} in column
 * one are the file header and are skipped. A new connection starts at a note containing "TCP connect".
 */
public final class TranscriptReader {

    private TranscriptReader() {
    }

    /** Every connection in the file, in order. */
    public static List<Transcript> readSessions(Path file) throws IOException {
        return parseSessions(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The body lines of the whole file as one list (all connections). */
    public static List<TranscriptLine> readLines(Path file) throws IOException {
        return parseLines(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static List<Transcript> parseSessions(String text) {
        List<Transcript> sessions = new ArrayList<>();
        List<TranscriptLine> current = new ArrayList<>();
        for (TranscriptLine line : parseLines(text)) {
            boolean opens = line instanceof TranscriptLine.Note n && n.text().contains("TCP connect");
            if (opens && !current.isEmpty()) {
                sessions.add(new Transcript(current));
                current = new ArrayList<>();
            }
            current.add(line);
        }
        if (!current.isEmpty()) {
            sessions.add(new Transcript(current));
        }
        return sessions;
    }

    public static List<TranscriptLine> parseLines(String text) {
        List<TranscriptLine> out = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            if (raw.isBlank() || raw.startsWith("#")) {
                continue;
            }
            out.add(parseLine(raw));
        }
        return out;
    }

    static TranscriptLine parseLine(String raw) {
        String trimmed = raw.stripLeading();
        int space = trimmed.indexOf(' ');
        if (space < 0 || trimmed.length() < space + 2) {
            throw new IllegalArgumentException("not a transcript line: " + raw);
        }
        double seconds = Double.parseDouble(trimmed.substring(0, space));
        char marker = trimmed.charAt(space + 1);
        String rest = trimmed.length() > space + 3 ? trimmed.substring(space + 3) : "";
        if (marker == '#') {
            return new TranscriptLine.Note(seconds, rest);
        }
        return new TranscriptLine.WireLine(seconds, Direction.of(marker), unescape(rest));
    }

    /** Undoes the transcript escapes: {@code \n \r \t \\ \xNN}; every other character is itself (ASCII). */
    public static byte[] unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case '\\' -> out.write('\\');
                case 'x' -> {
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e + " in " + s);
            }
        }
        return out.toByteArray();
    }

    /** The transcript's escaping of raw bytes (for readable assertion messages). */
    public static String escape(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            int v = b & 0xff;
            switch (v) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> sb.append(v >= 0x20 && v < 0x7f ? String.valueOf((char) v) : String.format("\\x%02x", v));
            }
        }
        return sb.toString();
    }
}
