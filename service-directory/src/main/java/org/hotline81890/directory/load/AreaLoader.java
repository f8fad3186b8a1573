package org.hotline81890.directory.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hotline81890.directory.AreaTree;

/** Reads {@code areas.tsv} (district, street, community, comma-separated grids) into an {@link AreaTree}. */
public final class AreaLoader {
    static final String AREAS = "areas.tsv";

    private AreaLoader() {
    }

    /** The areas shipped inside the jar. */
    public static AreaTree loadDefault() {
        return load(new DataSource.Classpath("directory/"));
    }

    /** The areas of a folder laid out like config/directory; none when it has no {@code areas.tsv}. */
    public static AreaTree load(Path folder) {
        DataSource source = new DataSource.Folder(folder);
        return source.exists(AREAS) ? load(source) : new AreaTree(List.of());
    }

    static AreaTree load(DataSource source) {
        List<List<String>> rows = new ArrayList<>();
        for (DataLine line : source.lines(AREAS)) {
            String[] f = line.fields(4);
            List<String> row = new ArrayList<>(List.of(f[0], f[1], f[2]));
            row.addAll(Arrays.stream(f[3].split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList());
            if (row.stream().anyMatch(String::isEmpty) || row.size() < 4) {
                throw line.error("district, street, community and at least one grid are needed");
            }
            rows.add(row);
        }
        return AreaTree.of(rows);
    }
}
