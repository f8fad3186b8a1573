package org.hotline81890.directory.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline81890.directory.AgentQuestion;
import org.hotline81890.directory.Category;
import org.hotline81890.directory.Cue;
import org.hotline81890.directory.Deadline;
import org.hotline81890.directory.RequestType;
import org.hotline81890.directory.SharedWord;
import org.hotline81890.directory.Sla;
import org.hotline81890.directory.SlaPolicy;

/** Parsers for the small tab-separated tables in config/directory. Each error names file and line. */
final class TableParsers {
    private TableParsers() {
    }

    static SlaPolicy sla(List<DataLine> lines) {
        Map<String, Sla> table = new LinkedHashMap<>();
        for (DataLine line : lines) {
            String[] f = line.fields(3);
            try {
                Sla sla = new Sla(f[0], Deadline.of(f[1]), Deadline.of(f[2]));
                if (table.put(f[0], sla) != null) {
                    throw line.error("SLA row '" + f[0] + "' given twice");
                }
            } catch (IllegalArgumentException e) {
                throw line.error(e.getMessage());
            }
        }
        try {
            return new SlaPolicy(table);
        } catch (IllegalArgumentException e) {
            throw new DirectoryFormatException(DirectoryLoader.SLA, 0, e.getMessage());
        }
    }

    static Map<String, AgentQuestion> questions(List<DataLine> lines) {
        Map<String, AgentQuestion> out = new LinkedHashMap<>();
        for (DataLine line : lines) {
            String[] f = line.fields(3);
            try {
                if (out.put(f[0], new AgentQuestion(f[0], f[1], f[2])) != null) {
                    throw line.error("question '" + f[0] + "' given twice");
                }
            } catch (IllegalArgumentException e) {
                throw line.error(e.getMessage());
            }
        }
        return out;
    }

    /** Category rows, plus the {@code total} line, which must equal the sum of the counts. */
    static List<CategoryRow> categories(List<DataLine> lines, Map<String, AgentQuestion> questions) {
        List<CategoryRow> rows = new ArrayList<>();
        Integer total = null;
        for (DataLine line : lines) {
            String[] f = line.fields(2);
            if (f[0].equals("total")) {
                total = (int) line.number(f[1]);
                continue;
            }
            f = line.fields(6);
            try {
                Category c = new Category(f[0], f[1], f[2]);
                if (rows.stream().anyMatch(r -> r.category().code().equals(c.code()))) {
                    throw line.error("category " + c.code() + " given twice");
                }
                rows.add(new CategoryRow(c, (int) line.number(f[3]), RequestType.of(f[4]),
                        QuestionRefs.resolve(f[5], questions)));
            } catch (IllegalArgumentException e) {
                throw line.error(e.getMessage());
            }
        }
        int sum = rows.stream().mapToInt(CategoryRow::expectedServices).sum();
        if (total == null || total != sum) {
            throw new DirectoryFormatException(DirectoryLoader.CATEGORIES, 0,
                    "the 'total' line (" + total + ") must equal the sum of the category counts (" + sum + ")");
        }
        return rows;
    }

    /** {@code type<TAB>weight<TAB>words...} */
    static Map<RequestType, List<Cue>> typeCues(List<DataLine> lines) {
        Map<RequestType, List<Cue>> out = new EnumMap<>(RequestType.class);
        for (DataLine line : lines) {
            String[] f = line.fields(3);
            try {
                RequestType type = RequestType.of(f[0]);
                out.computeIfAbsent(type, t -> new ArrayList<>()).addAll(cues(line, f[1], f[2]));
            } catch (IllegalArgumentException e) {
                throw line.error(e.getMessage());
            }
        }
        return out;
    }

    /** {@code label<TAB>weight<TAB>words...}; the label is for people (e.g. greeting, advert). */
    static List<Cue> labelledCues(List<DataLine> lines, Set<String> labels) {
        List<Cue> out = new ArrayList<>();
        for (DataLine line : lines) {
            String[] f = line.fields(3);
            if (!labels.contains(f[0])) {
                throw line.error("unknown label '" + f[0] + "', expected one of " + labels);
            }
            out.addAll(cues(line, f[1], f[2]));
        }
        return out;
    }

    private static List<Cue> cues(DataLine line, String weight, String words) {
        double w = line.number(weight);
        List<Cue> out = new ArrayList<>();
        for (String word : words.split("\\s+")) {
            if (!word.isEmpty()) {
                Weighted token = Weighted.parse(line, word.replace('_', ' '), w);
                try {
                    out.add(new Cue(token.text(), token.weight()));
                } catch (IllegalArgumentException e) {
                    throw line.error(e.getMessage());
                }
            }
        }
        return out;
    }

    /** {@code word<TAB>weight<TAB>CODE CODE ...}; every code must exist. */
    static List<SharedWord> sharedWords(List<DataLine> lines, Set<String> knownCodes) {
        List<SharedWord> out = new ArrayList<>();
        for (DataLine line : lines) {
            String[] f = line.fields(3);
            List<String> codes = List.of(f[2].split("[\\s,]+"));
            for (String code : codes) {
                if (!knownCodes.contains(code)) {
                    throw line.error("word '" + f[0] + "' points to unknown service '" + code + "'");
                }
            }
            for (String word : f[0].split("\\s+")) {
                out.add(new SharedWord(word.replace('_', ' '), line.number(f[1]), codes));
            }
        }
        return out;
    }

    /** {@code wrong<TAB>right}: shape-alike characters or words a resident typed by mistake. */
    static Map<String, String> typoFixes(List<DataLine> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (DataLine line : lines) {
            String[] f = line.fields(2);
            if (f[0].isEmpty() || f[1].isEmpty() || out.put(f[0], f[1]) != null) {
                throw line.error("typo fix must be 'wrong<TAB>right' and given once");
            }
        }
        return out;
    }
}
