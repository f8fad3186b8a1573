package org.hotline81890.partners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline81890.partners.importer.ServiceCatalog;

/** Files beside the module: the sample providers, and the directory's services.tsv. */
public final class RepoFiles {
    private RepoFiles() {
    }

    /** Surefire runs in the module directory, so the repository root is its parent. */
    public static Path repoRoot() {
        return Path.of("").toAbsolutePath().getParent();
    }

    public static Path sampleProviders() {
        return repoRoot().resolve("config/providers/providers.csv");
    }

    /** The directory's services.tsv: {@code config/directory/} if the project ships it, else {@code ../shared}. */
    public static Path servicesTsv() {
        for (String candidate : List.of("config/directory/services.tsv", "../shared/directory/services.tsv")) {
            Path path = repoRoot().resolve(candidate).normalize();
            if (Files.isRegularFile(path)) {
                return path;
            }
        }
        throw new IllegalStateException("services.tsv not found in config/directory/ or ../shared/directory/");
    }

    /** service_code → provider_kind, from services.tsv. */
    public static Map<ServiceCode, String> serviceKinds() {
        Map<ServiceCode, String> kinds = new HashMap<>();
        List<String> lines = read(servicesTsv()).lines().skip(1).filter(l -> !l.isBlank()).toList();
        for (String line : lines) {
            String[] cols = line.split("\t");
            kinds.put(ServiceCode.of(cols[3]), cols[6]);
        }
        return kinds;
    }

    public static ServiceCatalog catalog() {
        return ServiceCatalog.of(serviceKinds());
    }

    public static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
