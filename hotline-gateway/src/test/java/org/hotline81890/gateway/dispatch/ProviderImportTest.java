package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.store.InMemoryProviderStore;
import org.junit.jupiter.api.Test;

class ProviderImportTest {
    private static final Directory DIRECTORY = DirectoryLoader.loadDefault();
    private static final String HEADER =
            "id,kind,name,services,coverage,hours,capacity,webhook_url,webhook_secret,sms,portal_login,status,rating\n";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final InMemoryProviderStore store = new InMemoryProviderStore();

    private int run(String csv) {
        return ProviderImport.run(csv, "test.csv", DIRECTORY, store, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Every provider row of the sample file, whatever its size today, imported with its id and kind. */
    @Test
    void theSampleNetworkShouldImportWhole() throws Exception {
        Path sample = Path.of("").toAbsolutePath().getParent().resolve("config/providers/providers.csv");
        String csv = Files.readString(sample);
        Map<String, ProviderKind> rows = new TreeMap<>();
        csv.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("id,"))
                .forEach(l -> rows.put(l.split(",", 3)[0], ProviderKind.valueOf(l.split(",", 3)[1])));
        assertThat(rows).as("the sample's provider rows").isNotEmpty()
                .containsValue(ProviderKind.DEPARTMENT).containsValue(ProviderKind.PARTNER_COMPANY);

        assertThat(run(csv)).isZero();

        Map<String, ProviderKind> imported = new TreeMap<>();
        store.all().forEach(p -> imported.put(p.id().value(), p.kind()));
        assertThat(imported).isEqualTo(rows);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("imported " + rows.size() + " providers");
    }

    @Test
    void oneBadRowShouldImportNothingAndNameEveryBadLine() {
        String csv = HEADER
                + "P-0001,PARTNER_COMPANY,好家政,HK-01,海曙区,24h,3,,,13800001111,,ACTIVE,4.0\n"
                + "P-0002,PARTNER_COMPANY,坏家政,XX-99,海曙区,24h,3,,,13800001112,,ACTIVE,4.0\n"
                + "# a comment line still counts\n"
                + "P-0003,PARTNER_COMPANY,慢家政,HK-01,海曙区,24h,0,,,13800001113,,ACTIVE,4.0\n";
        assertThat(run(csv)).isEqualTo(1);
        assertThat(store.all()).isEmpty();
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("line 3").contains("line 5").doesNotContain("line 2,")
                .contains("nothing was imported");
    }
}
