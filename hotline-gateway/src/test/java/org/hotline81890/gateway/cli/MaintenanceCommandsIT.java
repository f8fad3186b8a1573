package org.hotline81890.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.hotline81890.gateway.matching.Correction;
import org.hotline81890.gateway.matching.CorrectionStore;
import org.hotline81890.gateway.storage.mysql.MySqlCorrectionStore;
import org.hotline81890.gateway.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hotline migrate} and {@code hotline corrections export} on a real database, through the composition root. */
class MaintenanceCommandsIT {
    @TempDir
    static Path dir;
    private static ConfiguredDatabase cli;
    private static TestDatabase db;
    private static Path config;

    @BeforeAll
    static void start() throws IOException {
        cli = ConfiguredDatabase.create(dir);
        db = cli.db;
        config = cli.config;
    }

    @AfterAll
    static void stop() {
        if (cli != null) {
            cli.close();
        }
    }

    private record Run(int exit, String out) {
    }

    private static synchronized Run run(Object command, String... args) {
        PrintStream was = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(command).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(was);
        }
    }

    @Test
    void migrateOnAnUpToDateSchemaAppliesNothing() {
        Run migrated = run(new MigrateCommand(), "--config", config.toString());

        assertThat(migrated.exit()).isZero();
        assertThat(migrated.out().strip()).isEqualTo("schema up to date (0 migrations applied)");
    }

    @Test
    void correctionsExportPrintsTheConfirmedOnesInTheExamplesFormat() {
        CorrectionStore store = new MySqlCorrectionStore(db.database().transactions());
        Instant t = Instant.parse("2026-12-05T03:00:00Z");
        Correction confirmed = store.add(new CorrectionStore.NewCorrection("阳台顶上滴水\t楼上说不是他家的",
                Correction.textKey("阳台顶上滴水 楼上说不是他家的"), "RP-01", "RE-05", "HELP", "agent-7",
                Optional.of("123456789"), t));
        store.add(new CorrectionStore.NewCorrection("窗外工地每晚打桩", Correction.textKey("窗外工地每晚打桩"), "MC-03",
                "MC-04", "COMPLAINT", "agent-8", Optional.empty(), t));
        store.confirm(confirmed.id(), "supervisor-1", t.plusSeconds(60));

        Run export = run(new CorrectionsCommand(), "export", "--config", config.toString());

        assertThat(export.exit()).isZero();
        assertThat(export.out().split("\n")).containsExactly("text\tservice_code\trequest_type\tnote",
                "阳台顶上滴水 楼上说不是他家的\tRE-05\tHELP\tcorrection " + confirmed.id()
                        + " by agent-7, confirmed by supervisor-1");
    }
}
