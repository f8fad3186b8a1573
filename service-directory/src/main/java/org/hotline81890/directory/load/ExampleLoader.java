package org.hotline81890.directory.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline81890.directory.Category;
import org.hotline81890.directory.Directory;
import org.hotline81890.directory.LabelledExample;
import org.hotline81890.directory.RequestType;

/**
 * Loads the labelled examples of {@code examples/XX.tsv} (one file per category, each optional),
 * {@code examples/NONE.tsv} and {@code examples/CUES.tsv} (across categories): header {@code text, service_code,
 * request_type, note}, tab-separated. A bad line is a {@link DirectoryFormatException} naming file and line.
 */
public final class ExampleLoader {
    static final String HEADER = "text\tservice_code\trequest_type\tnote";

    private ExampleLoader() {
    }

    /** The examples shipped inside the jar (classpath {@code directory/examples/}). */
    public static List<LabelledExample> loadDefault(Directory directory) {
        return load(new DataSource.Classpath("directory/"), directory);
    }

    /** The examples under {@code folder/examples/} (folder laid out like config/directory). */
    public static List<LabelledExample> load(Path folder, Directory directory) {
        return load(new DataSource.Folder(folder), directory);
    }

    /** One file in the examples format (say, exported confirmed corrections). */
    public static List<LabelledExample> loadFile(Path file, Directory directory) {
        Path name = file.getFileName();
        return parse(name.toString(), new DataSource.Folder(file.toAbsolutePath().getParent()).lines(name.toString()),
                directory);
    }

    /**
     * Examples across categories written for the cues a resident gives (the request type: "you still haven't …",
     * a price question, a request phrased as a question; a complaint about a provider the hotline referred; dialect
     * wording; small talk and harassment next to short real requests): {@code examples/CUES.tsv}.
     */
    public static final String CUES = "CUES";

    private static List<LabelledExample> load(DataSource source, Directory directory) {
        List<LabelledExample> out = new ArrayList<>();
        List<String> files = new ArrayList<>(directory.categories().stream().map(Category::code).toList());
        files.add(LabelledExample.NONE);
        files.add(CUES);
        for (String code : files) {
            String file = "examples/" + code + ".tsv";
            if (source.exists(file)) {
                out.addAll(parse(file, source.lines(file), directory));
            }
        }
        return out;
    }

    static List<LabelledExample> parse(String file, List<DataLine> lines, Directory directory) {
        if (lines.isEmpty() || !lines.get(0).text().strip().equals(HEADER)) {
            throw new DirectoryFormatException(file, lines.isEmpty() ? 0 : lines.get(0).number(),
                    "the first line must be the header: " + HEADER.replace('\t', ' '));
        }
        List<LabelledExample> out = new ArrayList<>();
        for (DataLine line : lines.subList(1, lines.size())) {
            out.add(row(file, line, directory));
        }
        return out;
    }

    private static LabelledExample row(String file, DataLine line, Directory directory) {
        String[] f = line.text().split("\t", -1);
        if (f.length < 3) {
            throw line.error("expected text, service_code, request_type (and a note), tab-separated");
        }
        String text = f[0].strip();
        String code = f[1].strip();
        if (text.isEmpty()) {
            throw line.error("the text is empty");
        }
        if (!code.equals(LabelledExample.NONE) && directory.find(code).isEmpty()) {
            throw line.error("unknown service code '" + code + "'");
        }
        RequestType type;
        try {
            type = RequestType.of(f[2]);
        } catch (IllegalArgumentException e) {
            throw line.error(e.getMessage());
        }
        Optional<String> service = code.equals(LabelledExample.NONE) ? Optional.empty() : Optional.of(code);
        return new LabelledExample(text, service, type, file + ":" + line.number());
    }
}
