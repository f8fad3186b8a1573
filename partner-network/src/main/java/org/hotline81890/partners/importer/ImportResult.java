package org.hotline81890.partners.importer;

import java.util.List;

import org.hotline81890.partners.Provider;

/** The outcome of parsing a provider CSV: every row good, or every bad row listed (and nothing to import). */
public sealed interface ImportResult {

    /** All rows are valid; save them in one transaction ({@code ProviderStore.saveAll}). */
    record Valid(List<Provider> providers) implements ImportResult {
        public Valid {
            providers = List.copyOf(providers);
        }
    }

    /** At least one row is bad; import nothing and show the errors, ordered by line. */
    record Invalid(List<RowError> errors) implements ImportResult {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("Invalid needs at least one error");
            }
        }
    }

    /** {@code line} counts from 1 at the header; {@code column} is the header name, or empty for the whole row. */
    record RowError(int line, String column, String reason) {
        @Override
        public String toString() {
            return "line " + line + (column.isEmpty() ? "" : ", " + column) + ": " + reason;
        }
    }
}
