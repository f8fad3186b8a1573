package org.hotline81890.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hotline81890.gateway.cli.ConfiguredDatabase.Run;
import org.hotline81890.gateway.dispatch.ApiKeys;
import org.hotline81890.gateway.storage.mysql.MySqlProviderKeys;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.partners.ProviderId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hotline providers key issue|list|revoke} as an operator runs them: the packaged jar in its own JVM. The key
 * printed once is live in the database (by its hash); revoking by prefix stops it; an unknown one exits 2.
 */
class ProviderKeyCommandIT {
    @TempDir
    static Path dir;
    private static ConfiguredDatabase cli;
    private static TestDatabase db;

    @BeforeAll
    static void start() throws IOException {
        cli = ConfiguredDatabase.create(dir);
        db = cli.db;
    }

    @AfterAll
    static void stop() {
        if (cli != null) {
            cli.close();
        }
    }

    private static Run hotline(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("providers"));
        command.addAll(List.of(args));
        return cli.hotline(command, "");
    }

    @Test
    void issueListAndRevokeShouldPrintTheKeyOnceAndStopItByPrefix() throws Exception {
        Path csv = dir.resolve("one.csv");
        Files.writeString(csv, "id,kind,name,services,coverage,hours,capacity,webhook_url,webhook_secret,sms,"
                + "portal_login,status,rating\nP-CLI1,PARTNER_COMPANY,命令行家政,HK-01,海曙区,24h,3,,,,cli1,ACTIVE,4.0\n");
        assertThat(hotline("import", csv.toString()).exit()).isZero();

        Run issued = hotline("key", "issue", "P-CLI1");
        assertThat(issued.exit()).isZero();
        String key = issued.out().strip();
        assertThat(key).matches("pk_[0-9a-f]{32}");
        MySqlProviderKeys keys = new MySqlProviderKeys(db.database().transactions());
        assertThat(keys.providerOf(ApiKeys.hash(key))).contains(ProviderId.of("P-CLI1"));

        Run list = hotline("key", "list", "P-CLI1");
        assertThat(list.out()).contains(key.substring(0, 11)).contains("live").doesNotContain(key);

        Run revoked = hotline("key", "revoke", "P-CLI1", key.substring(0, 11));
        assertThat(revoked.exit()).isZero();
        assertThat(revoked.out().strip()).isEqualTo("revoked 1 key(s) " + key.substring(0, 11) + " of P-CLI1");
        assertThat(keys.providerOf(ApiKeys.hash(key))).isEmpty();
        assertThat(hotline("key", "revoke", "P-CLI1", key.substring(0, 11)).exit()).isEqualTo(2);
        assertThat(hotline("key", "issue", "P-NONE").exit()).isEqualTo(2);
    }
}
