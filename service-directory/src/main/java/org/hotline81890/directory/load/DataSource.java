package org.hotline81890.directory.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the data files come from: a folder on disk or the {@code directory/} folder on the classpath. */
sealed interface DataSource {

    /** The meaningful lines of a file: blank lines and {@code #} comments are skipped, numbers kept. */
    List<DataLine> lines(String file);

    /** Whether the file is there (optional files such as examples). */
    boolean exists(String file);

    record Folder(Path root) implements DataSource {
        @Override
        public boolean exists(String file) {
            return Files.isRegularFile(root.resolve(file));
        }

        @Override
        public List<DataLine> lines(String file) {
            Path path = root.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new DirectoryFormatException(file, 0, "file is missing under " + root);
            }
            try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                return read(file, in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
    }

    record Classpath(String prefix) implements DataSource {
        @Override
        public boolean exists(String file) {
            return DataSource.class.getClassLoader().getResource(prefix + file) != null;
        }

        @Override
        public List<DataLine> lines(String file) {
            InputStream stream = DataSource.class.getClassLoader().getResourceAsStream(prefix + file);
            if (stream == null) {
                throw new DirectoryFormatException(file, 0, "resource " + prefix + file + " is missing");
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                return read(file, in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read resource " + prefix + file, e);
            }
        }
    }

    private static List<DataLine> read(String file, BufferedReader in) throws IOException {
        List<DataLine> out = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            out.add(new DataLine(file, number, line.stripTrailing()));
        }
        return out;
    }
}
