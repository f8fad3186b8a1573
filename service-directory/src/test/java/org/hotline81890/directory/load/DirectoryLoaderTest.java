package org.hotline81890.directory.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.hotline81890.directory.Deadline;
import org.hotline81890.directory.Directory;
import org.hotline81890.directory.ProviderKind;
import org.hotline81890.directory.RequestType;
import org.hotline81890.directory.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLoaderTest {
    private static final Path CONFIG = Path.of("").toAbsolutePath().getParent().resolve("config/directory");

    @TempDir
    Path copy;

    @Test
    void defaultDirectoryHasTwentyCategoriesAndTwoHundredOneServices() {
        Directory d = DirectoryLoader.loadDefault();
        assertThat(d.categories()).hasSize(20);
        assertThat(d.services()).hasSize(201);
        assertThat(d.servicesOf(d.categories().get(0))).hasSize(11);
        Service lock = d.find("rp-09").orElseThrow();
        assertThat(lock.nameZh()).isEqualTo("开锁换锁");
        assertThat(lock.nameEn()).isEqualTo("Locksmith");
        assertThat(lock.providerKind()).isEqualTo(ProviderKind.PARTNER);
        assertThat(lock.defaultRequestType()).isEqualTo(RequestType.HELP);
        assertThat(lock.questions()).extracting(q -> q.code()).contains("address");
        assertThat(d.find("XX-01")).isEmpty();
    }

    @Test
    void slaComesFromTheDataTable() {
        Directory d = DirectoryLoader.load(CONFIG);
        Service lock = d.find("RP-09").orElseThrow();
        Service water = d.find("UT-01").orElseThrow();
        Service policy = d.find("CA-01").orElseThrow();
        assertThat(lock.sla(RequestType.HELP, true).completeBy()).isEqualTo(Deadline.of("2h"));
        assertThat(water.sla(RequestType.HELP, false).completeBy()).isEqualTo(Deadline.of("24h"));
        assertThat(policy.defaultSla().completeBy()).isEqualTo(Deadline.of("2wd"));
        assertThat(lock.sla(RequestType.HELP, false).completeBy()).isEqualTo(Deadline.of("10wd"));
        assertThat(lock.sla(RequestType.SUGGESTION, false).completeBy()).isEqualTo(Deadline.of("10wd"));
        assertThat(lock.sla(RequestType.COMPLAINT, false).completeBy()).isEqualTo(Deadline.of("15wd"));
        assertThat(lock.sla(RequestType.REPORT, false).completeBy()).isEqualTo(Deadline.of("15wd"));
    }

    @Test
    void unknownKeyNamesFileAndLine() throws IOException {
        copyConfig();
        replaceInFile("services/HK.txt", "  kind: partner\n", "  kind: partner\n  colour: blue\n", 1);
        int line = lineOf("services/HK.txt", "colour: blue");
        assertThatThrownBy(() -> DirectoryLoader.load(copy))
                .isInstanceOf(DirectoryFormatException.class)
                .hasMessageStartingWith("services/HK.txt:" + line + ":");
    }

    @Test
    void missingServiceBreaksTheCount() throws IOException {
        copyConfig();
        Path file = copy.resolve("services/CW.txt");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int start = text.indexOf("CW-10 ");
        Files.writeString(file, text.substring(0, start), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DirectoryLoader.load(copy))
                .isInstanceOf(DirectoryFormatException.class)
                .hasMessageContaining("services/CW.txt:")
                .hasMessageContaining("must have 10 services");
    }

    @Test
    void duplicateCodeIsNamed() throws IOException {
        copyConfig();
        replaceInFile("services/RP.txt", "RP-02 下水道疏通", "RP-01 下水道疏通", 1);
        int line = lineOf("services/RP.txt", "RP-01 下水道疏通");
        assertThatThrownBy(() -> DirectoryLoader.load(copy))
                .isInstanceOf(DirectoryFormatException.class)
                .hasMessage("services/RP.txt:" + line + ": duplicate service code RP-01");
    }

    @Test
    void sharedWordPointingNowhereIsNamed() throws IOException {
        copyConfig();
        Files.writeString(copy.resolve("shared-words.tsv"), "# x\n漏水\t1\tRP-01 ZZ-99\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DirectoryLoader.load(copy))
                .isInstanceOf(DirectoryFormatException.class)
                .hasMessage("shared-words.tsv:2: word '漏水' points to unknown service 'ZZ-99'");
    }

    @Test
    void keywordListedTwiceIsNamed() throws IOException {
        copyConfig();
        replaceInFile("services/RP.txt", "  words: 开锁 ", "  words: 开锁 开锁 ", 1);
        assertThatThrownBy(() -> DirectoryLoader.load(copy))
                .isInstanceOf(DirectoryFormatException.class)
                .hasMessageContaining("services/RP.txt:")
                .hasMessageContaining("'开锁' is listed twice");
    }

    @Test
    void badSlaValueIsNamed() throws IOException {
        copyConfig();
        replaceInFile("sla.tsv", "utility\t1h\t24h", "utility\t1h\t24 hours", 1);
        int line = lineOf("sla.tsv", "24 hours");
        assertThatThrownBy(() -> DirectoryLoader.load(copy))
                .isInstanceOf(DirectoryFormatException.class)
                .hasMessageStartingWith("sla.tsv:" + line + ":");
    }

    private void copyConfig() throws IOException {
        try (Stream<Path> files = Files.walk(CONFIG)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(CONFIG.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private void replaceInFile(String file, String from, String to, int expectedAtLeast) throws IOException {
        Path p = copy.resolve(file);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(p, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
    }

    private int lineOf(String file, String needle) throws IOException {
        var lines = Files.readAllLines(copy.resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in " + file);
    }
}
