package org.hotline81890.simulators.agi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which sound files Asterisk can open, by name and channel language, as {@code fileexists_core} in main/file.c
 * looks them up: the language (then without its {@code _dialect}), then no language, then {@code en}; any format
 * a hotline installation has (the file extension decides).
 */
@FunctionalInterface
public interface Sounds {
    /** Extensions Asterisk's format modules read (format_wav, format_sln, format_pcm, format_gsm, format_g722). */
    List<String> FORMATS = List.of("wav", "wav16", "sln", "sln16", "raw", "ulaw", "alaw", "pcm", "gsm", "g722");

    boolean exists(String language, String file);

    /** Every file exists (the simulator's default: tests about other things hear every prompt). */
    static Sounds all() {
        return (language, file) -> true;
    }

    /** Nothing is installed: what the real Asterisk did with a project that shipped no recordings. */
    static Sounds none() {
        return (language, file) -> false;
    }

    /** Everything but these names. */
    static Sounds allBut(Set<String> missing) {
        Set<String> copy = Set.copyOf(missing);
        return (language, file) -> !copy.contains(file);
    }

    /** The files under an Asterisk sounds directory ({@code <root>/<lang>/hotline/x.wav}, {@code <root>/x.wav}). */
    static Sounds directory(Path root) {
        return (language, file) -> candidates(language).stream().anyMatch(dir -> FORMATS.stream()
                .anyMatch(ext -> Files.isRegularFile(root.resolve(dir).resolve(file + "." + ext))));
    }

    private static List<String> candidates(String language) {
        List<String> dirs = new ArrayList<>();
        String lang = language;
        while (!lang.isEmpty()) {
            dirs.add(lang);
            int cut = lang.lastIndexOf('_');
            lang = cut < 0 ? "" : lang.substring(0, cut);
        }
        dirs.add("");
        if (!language.equals("en") && !dirs.contains("en")) {
            dirs.add("en");
        }
        return dirs;
    }
}
