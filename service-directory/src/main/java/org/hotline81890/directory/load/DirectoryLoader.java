package org.hotline81890.directory.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.hotline81890.directory.AgentQuestion;
import org.hotline81890.directory.Category;
import org.hotline81890.directory.Directory;
import org.hotline81890.directory.Lexicon;
import org.hotline81890.directory.Service;
import org.hotline81890.directory.SlaPolicy;
import org.hotline81890.directory.ivr.IvrSettings;

/**
 * Loads and validates the directory from config/directory: from the classpath ({@code directory/}, where the
 * module's jar ships it) or from a folder. Any problem is a {@link DirectoryFormatException} naming file and line.
 */
public final class DirectoryLoader {
    static final String CATEGORIES = "categories.tsv";
    static final String SLA = "sla.tsv";
    static final String QUESTIONS = "questions.tsv";

    private DirectoryLoader() {
    }

    /** The directory shipped inside the jar. */
    public static Directory loadDefault() {
        return load(new DataSource.Classpath("directory/"));
    }

    /** The IVR settings shipped inside the jar ({@code ivr.properties}). */
    public static IvrSettings loadDefaultIvrSettings() {
        return ivrSettings(new DataSource.Classpath("directory/"));
    }

    /** The IVR settings in a folder laid out like config/directory. */
    public static IvrSettings loadIvrSettings(Path folder) {
        return ivrSettings(new DataSource.Folder(folder));
    }

    private static IvrSettings ivrSettings(DataSource source) {
        Properties p = new Properties();
        for (DataLine line : source.lines("ivr.properties")) {
            int eq = line.text().indexOf('=');
            if (eq < 0) {
                throw line.error("expected key=value");
            }
            p.setProperty(line.text().substring(0, eq).strip(), line.text().substring(eq + 1).strip());
        }
        try {
            return IvrSettings.of(p);
        } catch (IllegalArgumentException e) {
            throw new DirectoryFormatException("ivr.properties", 0, e.getMessage());
        }
    }

    /** The directory in a folder laid out like config/directory. */
    public static Directory load(Path folder) {
        return load(new DataSource.Folder(folder));
    }

    private static Directory load(DataSource source) {
        SlaPolicy sla = TableParsers.sla(source.lines(SLA));
        Map<String, AgentQuestion> questions = TableParsers.questions(source.lines(QUESTIONS));
        List<CategoryRow> rows = TableParsers.categories(source.lines(CATEGORIES), questions);
        List<Category> categories = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (CategoryRow row : rows) {
            String file = "services/" + row.category().code() + ".txt";
            List<DataLine> lines = source.lines(file);
            List<Service> parsed = new ServiceFileParser(row, questions, sla).parse(lines);
            checkCodes(file, lines, row, parsed, codes);
            categories.add(row.category());
            services.addAll(parsed);
        }
        Lexicon lexicon = new Lexicon(
                TableParsers.typeCues(source.lines("request-types.tsv")),
                TableParsers.labelledCues(source.lines("urgency.tsv"), Set.of("emergency")),
                TableParsers.labelledCues(source.lines("none.tsv"),
                        Set.of("greeting", "thanks", "wrong-number", "advert", "chat", "filler")),
                TableParsers.sharedWords(source.lines("shared-words.tsv"), codes),
                TableParsers.typoFixes(source.lines("typo-fixes.tsv")));
        return new Directory(categories, services, lexicon, sla);
    }

    /** Exactly the declared number of services, numbered 01..n in order, no code twice. */
    private static void checkCodes(String file, List<DataLine> lines, CategoryRow row, List<Service> parsed,
                                   Set<String> codes) {
        int lastLine = lines.isEmpty() ? 0 : lines.get(lines.size() - 1).number();
        for (int i = 0; i < parsed.size(); i++) {
            String code = parsed.get(i).code();
            String expected = "%s-%02d".formatted(row.category().code(), i + 1);
            if (!codes.add(code)) {
                throw new DirectoryFormatException(file, headerLine(lines, code), "duplicate service code " + code);
            }
            if (!code.equals(expected)) {
                throw new DirectoryFormatException(file, headerLine(lines, code),
                        "expected " + expected + " here, found " + code);
            }
        }
        if (parsed.size() != row.expectedServices()) {
            throw new DirectoryFormatException(file, lastLine, "category " + row.category().code() + " must have "
                    + row.expectedServices() + " services (categories.tsv), found " + parsed.size());
        }
    }

    private static int headerLine(List<DataLine> lines, String code) {
        int found = 0;
        for (DataLine line : lines) {
            if (line.text().startsWith(code + " ")) {
                found = line.number();
            }
        }
        return found;
    }
}
