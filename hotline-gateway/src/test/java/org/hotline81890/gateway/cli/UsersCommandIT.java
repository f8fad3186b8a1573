package org.hotline81890.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hotline81890.gateway.cli.ConfiguredDatabase.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hotline users} as scripts outside the project call it: the packaged jar in its own JVM, the password on
 * standard input, one line out and the exit code.
 */
class UsersCommandIT {
    @TempDir
    static Path dir;
    private static ConfiguredDatabase cli;

    @BeforeAll
    static void start() throws IOException {
        cli = ConfiguredDatabase.create(dir);
    }

    @AfterAll
    static void stop() {
        if (cli != null) {
            cli.close();
        }
    }

    private static Run hotline(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("users"));
        command.addAll(List.of(args));
        return cli.hotline(command, stdin);
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void addListDisableAndResetShouldKeepTheirExactOutputsAndExitCodes() throws Exception {
        Run added = hotline("secret-pass-1\n", "add", "wangfang", "--role", "agent", "--name", "王芳",
                "--extension", "1001", "--password-stdin");
        assertThat(added.exit()).isZero();
        assertThat(added.out().strip()).isEqualTo("created wangfang agent");

        Run again = hotline("secret-pass-1\n", "add", "wangfang", "--role", "agent", "--password-stdin");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(lastLine(again.err())).isEqualTo("login wangfang already exists");

        Run badRole = hotline("secret-pass-1\n", "add", "li", "--role", "boss", "--password-stdin");
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(lastLine(badRole.err())).startsWith("unknown role boss");

        Run noProvider = hotline("secret-pass-1\n", "add", "zhao", "--role", "partner", "--password-stdin");
        assertThat(noProvider.exit()).isEqualTo(2);
        assertThat(lastLine(noProvider.err())).isEqualTo("role partner needs --provider");

        Run unknownProvider = hotline("secret-pass-2\n", "add", "zhao", "--role", "partner", "--provider", "P-7",
                "--password-stdin");
        assertThat(unknownProvider.exit()).as("a provider not in the table").isEqualTo(2);
        assertThat(lastLine(unknownProvider.err())).as("one line").isEqualTo("no provider P-7 (onboard it first on "
                + "/admin/providers or with hotline providers import)");
        assertThat(hotline("", "list").out()).doesNotContain("zhao");
        Path csv = dir.resolve("p7.csv");
        Files.writeString(csv, "id,kind,name,services,coverage,hours,capacity,webhook_url,webhook_secret,sms,"
                + "portal_login,status,rating\nP-7,PARTNER_COMPANY,七号家政,HK-01,海曙区,24h,3,,,,p7.desk,ACTIVE,4.0\n");
        assertThat(cli.hotline(List.of("providers", "import", csv.toString()), "").exit()).isZero();
        Run partner = hotline("secret-pass-2\n", "add", "zhao", "--role", "partner", "--provider", "P-7",
                "--password-stdin");
        assertThat(partner.out().strip()).isEqualTo("created zhao partner");

        Run list = hotline("", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("wangfang\tagent\t王芳\t-\t1001\tenabled",
                "zhao\tpartner\tzhao\tP-7\t-\tenabled");

        Run disabled = hotline("", "disable", "zhao");
        assertThat(disabled.out().strip()).isEqualTo("disabled zhao");
        assertThat(hotline("", "list").out()).contains("zhao\tpartner\tzhao\tP-7\t-\tdisabled");

        Run reset = hotline("new-secret-3\n", "reset-password", "wangfang", "--password-stdin");
        assertThat(reset.exit()).isZero();
        assertThat(reset.out().strip()).isEqualTo("password reset wangfang");
        assertThat(hotline("new-secret-3\n", "reset-password", "nobody", "--password-stdin").exit()).isEqualTo(2);
    }
}
