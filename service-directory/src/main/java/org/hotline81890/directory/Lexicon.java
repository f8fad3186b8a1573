package org.hotline81890.directory;

import java.util.List;
import java.util.Map;

/**
 * The shared word tables, all loaded from {@code config/directory}: cues for each request type, emergency cues,
 * cues that a text is not a request at all (greetings, thanks, wrong numbers, advertising), words shared by
 * several services, and character-level typo fixes (shape-alike characters that pinyin cannot catch).
 */
public record Lexicon(
        Map<RequestType, List<Cue>> typeCues,
        List<Cue> urgencyCues,
        List<Cue> noneCues,
        List<SharedWord> sharedWords,
        Map<String, String> typoFixes) {

    public Lexicon {
        typeCues = Map.copyOf(typeCues);
        urgencyCues = List.copyOf(urgencyCues);
        noneCues = List.copyOf(noneCues);
        sharedWords = List.copyOf(sharedWords);
        typoFixes = Map.copyOf(typoFixes);
    }
}
