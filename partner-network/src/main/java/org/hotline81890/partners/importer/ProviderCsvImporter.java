package org.hotline81890.partners.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hotline81890.partners.Provider;

/**
 * Parses the provider CSV (format in the module README and {@link ProviderRow#COLUMNS}). Every row is checked;
 * the result is either all providers or all bad rows by line number, so a caller can import all-or-nothing.
 * Blank lines and lines starting with {@code #} are skipped (they still count for line numbers).
 */
public final class ProviderCsvImporter {
    private final ServiceCatalog catalog;

    public ProviderCsvImporter(ServiceCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog);
    }

    public ImportResult parse(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        List<ImportResult.RowError> errors = new ArrayList<>();
        int headerLine = firstContentLine(lines);
        if (headerLine < 0) {
            return new ImportResult.Invalid(List.of(new ImportResult.RowError(1, "", "the file is empty")));
        }
        String header = lines[headerLine].replace("\uFEFF", "").strip();
        if (!header.equals(String.join(",", ProviderRow.COLUMNS))) {
            return new ImportResult.Invalid(List.of(new ImportResult.RowError(headerLine + 1, "",
                    "header must be exactly: " + String.join(",", ProviderRow.COLUMNS))));
        }
        List<Provider> providers = new ArrayList<>();
        Map<String, Integer> firstLineOfId = new HashMap<>();
        for (int i = headerLine + 1; i < lines.length; i++) {
            if (skip(lines[i])) {
                continue;
            }
            int lineNumber = i + 1;
            List<ImportResult.RowError> rowErrors = new ArrayList<>();
            ProviderRow.parse(lines[i], lineNumber, catalog, rowErrors).ifPresent(provider -> {
                Integer earlier = firstLineOfId.putIfAbsent(provider.id().value(), lineNumber);
                if (earlier != null) {
                    rowErrors.add(new ImportResult.RowError(lineNumber, "id",
                            "duplicate id " + provider.id() + " (first on line " + earlier + ")"));
                } else {
                    providers.add(provider);
                }
            });
            errors.addAll(rowErrors);
        }
        if (!errors.isEmpty()) {
            return new ImportResult.Invalid(errors);
        }
        if (providers.isEmpty()) {
            return new ImportResult.Invalid(List.of(new ImportResult.RowError(headerLine + 1, "", "no provider rows")));
        }
        return new ImportResult.Valid(providers);
    }

    private static int firstContentLine(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!skip(lines[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean skip(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("#");
    }
}
