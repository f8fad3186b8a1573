package org.hotline81890.gateway.channel.agi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotline81890.gateway.voice.OneKeyTerminal;

/**
 * Reads the one-key terminal list: UTF-8, one terminal a line, fields separated by {@code |}
 * ({@code number|name|profile|address|contacts}); {@code #} starts a comment line. A bad line names its number.
 */
public final class TerminalCsv {
    private TerminalCsv() {
    }

    public static List<OneKeyTerminal> read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read one-key terminals from " + file, e);
        }
    }

    static List<OneKeyTerminal> parse(List<String> lines, String source) {
        List<OneKeyTerminal> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected 5 fields separated by |"
                        + " (number|name|profile|address|contacts), found " + f.length);
            }
            try {
                out.add(new OneKeyTerminal(f[0], f[1], f[2], f[3], f[4]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }
}
