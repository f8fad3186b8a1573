package org.hotline81890.directory.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.Fee;
import org.hotline81890.directory.Fees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeeLoaderTest {
    private static final Directory DIRECTORY = DirectoryLoader.loadDefault();
    @TempDir
    Path dir;

    private Fees load(String tsv) throws IOException {
        Files.writeString(dir.resolve(FeeLoader.FEES), tsv, StandardCharsets.UTF_8);
        return FeeLoader.load(new DataSource.Folder(dir), DIRECTORY);
    }

    @Test
    void theShippedFeesPriceSomePartnerServicesAndNoOthers() {
        Fees fees = FeeLoader.loadDefault(DIRECTORY);
        assertThat(fees.of("HK-01")).map(Fee::display).contains("参考价 45 元/小时（两小时起）");
        assertThat(fees.of("HK-08")).map(Fee::display).contains("参考价 6 元/平方米");
        assertThat(fees.of("UT-01")).as("a department's transfer has no price").isEmpty();
        assertThat(fees.size()).isEqualTo(8);
    }

    @Test
    void noFileMeansNoFees() {
        assertThat(FeeLoader.load(new DataSource.Folder(dir), DIRECTORY).size()).isZero();
    }

    @Test
    void aBadLineIsAnErrorNamingIt() throws IOException {
        assertThatThrownBy(() -> load("# fees\nZZ-01\t10\t次\n")).hasMessageContaining("fees.tsv:2")
                .hasMessageContaining("unknown service code ZZ-01");
        assertThatThrownBy(() -> load("HK-01\t10\t次\nHK-01\t12\t次\n")).hasMessageContaining("fees.tsv:2");
        assertThatThrownBy(() -> load("HK-01\t十元\t次\n")).hasMessageContaining("not an amount");
        assertThatThrownBy(() -> load("HK-01\t0\t次\n")).hasMessageContaining("above 0");
        assertThatThrownBy(() -> load("HK-01\t9.999\t次\n")).hasMessageContaining("two decimals");
        assertThatThrownBy(() -> load("HK-01\t10\t斤\n")).hasMessageContaining("unit");
    }
}
