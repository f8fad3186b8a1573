package org.hotline81890.gateway.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hotline81890.gateway.testing.TestDatabase;

/**
 * What the command ITs start from: a fresh database and a hotline.yaml in {@code dir} naming it (data dir
 * {@code dir} too); {@link #hotline} runs the packaged jar on it in its own JVM, as an operator or a script does.
 */
final class ConfiguredDatabase implements AutoCloseable {
    /** The exit code and what the command printed. */
    record Run(int exit, String out, String err) {
    }

    final TestDatabase db;
    final Path config;
    private final Path dir;

    private ConfiguredDatabase(TestDatabase db, Path config, Path dir) {
        this.db = db;
        this.config = config;
        this.dir = dir;
    }

    static ConfiguredDatabase create(Path dir) throws IOException {
        TestDatabase db = TestDatabase.create();
        Path config = dir.resolve("hotline.yaml");
        // a cold JVM's first connection takes longer than the 2 s default on a loaded machine: the command would
        // end with "storage unavailable" before it started
        Files.writeString(config, "db:\n  url: \"" + db.url() + "\"\n  user: \"" + TestDatabase.user()
                + "\"\n  password: \"" + TestDatabase.password() + "\"\n  connect-timeout: 60s\ndata:\n  dir: \""
                + dir + "\"\n");
        return new ConfiguredDatabase(db, config, dir);
    }

    /** {@code java -jar target/hotline.jar ARGS --config FILE} with {@code stdin} on its standard input. */
    Run hotline(List<String> args, String stdin) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "hotline.jar").toString()));
        cmd.addAll(args);
        cmd.addAll(List.of("--config", config.toString()));
        // the child's output goes to files, not pipes read only after it ends: a child writing more than a pipe
        // holds (a first start's migration log, a stack trace) would block on the write and never end
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        // a JVM start and the schema's migrations take seconds when idle, minutes on a loaded machine
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("hotline " + String.join(" ", args) + " did not end within 5 min: "
                    + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        db.close();
    }
}
