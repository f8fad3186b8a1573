package org.hotline81890.directory.semantic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's tokenizer for the bge-small-zh vocabulary: clean the text, put every CJK character apart, lower-case and
 * strip accents, split on white space and punctuation, then greedy longest-match WordPiece ({@code ##} for the
 * rest of a word). The vocabulary is the {@code model.vocab} object of the model's {@code tokenizer.json}.
 */
public final class WordPiece {
    static final int CLS = 101;
    static final int SEP = 102;
    static final int UNK = 100;
    private static final int MAX_WORD_CHARS = 100;

    private final Map<String, Integer> vocab;

    WordPiece(Map<String, Integer> vocab) {
        this.vocab = Map.copyOf(vocab);
    }

    /** Reads the vocabulary from a Hugging Face {@code tokenizer.json} stream. */
    public static WordPiece fromTokenizerJson(InputStream json) {
        try {
            return new WordPiece(VocabJson.read(new String(json.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer.json", e);
        }
    }

    public int size() {
        return vocab.size();
    }

    /** [CLS] tokens [SEP], at most {@code maxTokens} ids in all (the rest of a long text is cut off). */
    public long[] encode(String text, int maxTokens) {
        List<Integer> ids = new ArrayList<>();
        ids.add(CLS);
        for (String word : basicTokens(text)) {
            if (ids.size() >= maxTokens - 1) {
                break;
            }
            wordPieces(word, ids);
        }
        int n = Math.min(ids.size(), maxTokens - 1);
        long[] out = new long[n + 1];
        for (int i = 0; i < n; i++) {
            out[i] = ids.get(i);
        }
        out[n] = SEP;
        return out;
    }

    static List<String> basicTokens(String text) {
        String s = Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int kind = Character.getType(cp);
            if (cp == 0 || cp == 0xFFFD || kind == Character.NON_SPACING_MARK || isControl(cp, kind)) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                flush(word, words);
            } else if (isCjk(cp) || isPunctuation(cp, kind)) {
                flush(word, words);
                words.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        }
        flush(word, words);
        return words;
    }

    private void wordPieces(String word, List<Integer> ids) {
        if (word.codePointCount(0, word.length()) > MAX_WORD_CHARS) {
            ids.add(UNK);
            return;
        }
        List<Integer> pieces = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            Integer found = null;
            int end = word.length();
            while (end > start) {
                String piece = (start > 0 ? "##" : "") + word.substring(start, end);
                found = vocab.get(piece);
                if (found != null) {
                    break;
                }
                end = Character.isLowSurrogate(word.charAt(end - 1)) && end - 2 > start ? end - 2 : end - 1;
            }
            if (found == null) {
                ids.add(UNK);
                return;
            }
            pieces.add(found);
            start = end;
        }
        ids.addAll(pieces);
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean isControl(int cp, int kind) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        return kind == Character.CONTROL || kind == Character.FORMAT;
    }

    private static boolean isPunctuation(int cp, int kind) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        return kind == Character.CONNECTOR_PUNCTUATION || kind == Character.DASH_PUNCTUATION
                || kind == Character.START_PUNCTUATION || kind == Character.END_PUNCTUATION
                || kind == Character.INITIAL_QUOTE_PUNCTUATION || kind == Character.FINAL_QUOTE_PUNCTUATION
                || kind == Character.OTHER_PUNCTUATION;
    }

    static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F)
                || (cp >= 0x2B820 && cp <= 0x2CEAF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    /** Just enough JSON to read {@code "vocab": {"token": id, ...}} out of a tokenizer.json. */
    static final class VocabJson {
        private VocabJson() {
        }

        static Map<String, Integer> read(String json) {
            int model = json.indexOf("\"model\"");
            int at = json.indexOf("\"vocab\"", Math.max(0, model));
            if (model < 0 || at < 0) {
                throw new IllegalArgumentException("tokenizer.json has no model.vocab");
            }
            int i = json.indexOf('{', at) + 1;
            Map<String, Integer> vocab = new HashMap<>();
            StringBuilder key = new StringBuilder();
            while (true) {
                i = skipSpace(json, i);
                if (json.charAt(i) == '}') {
                    return vocab;
                }
                i = readString(json, i, key);
                i = skipSpace(json, i) + 1;
                int j = skipSpace(json, i);
                int end = j;
                while (Character.isDigit(json.charAt(end))) {
                    end++;
                }
                vocab.put(key.toString(), Integer.parseInt(json.substring(j, end)));
                i = skipSpace(json, end);
                if (json.charAt(i) == ',') {
                    i++;
                }
            }
        }

        private static int readString(String json, int i, StringBuilder out) {
            out.setLength(0);
            int p = i + 1;
            while (json.charAt(p) != '"') {
                char c = json.charAt(p++);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = json.charAt(p++);
                switch (e) {
                    case 'u' -> {
                        out.append((char) Integer.parseInt(json.substring(p, p + 4), 16));
                        p += 4;
                    }
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    default -> out.append(e);
                }
            }
            return p + 1;
        }

        private static int skipSpace(String json, int i) {
            int p = i;
            while (Character.isWhitespace(json.charAt(p))) {
                p++;
            }
            return p;
        }
    }
}
