package org.hotline81890.gateway.dispatch;

import java.io.PrintStream;

import org.hotline81890.directory.Directory;
import org.hotline81890.partners.importer.ImportResult;
import org.hotline81890.partners.importer.ProviderCsvImporter;
import org.hotline81890.partners.store.ProviderStore;

/** {@code hotline providers import FILE}: every row valid and saved in one transaction, or nothing saved. */
public final class ProviderImport {
    private ProviderImport() {
    }

    /** Returns the exit code: 0 imported, 1 bad rows (each printed to {@code err} with its line number). */
    public static int run(String csv, String source, Directory directory, ProviderStore store, PrintStream out,
                          PrintStream err) {
        ImportResult result = new ProviderCsvImporter(new DirectoryCatalog(directory)).parse(csv);
        return switch (result) {
            case ImportResult.Valid v -> {
                store.saveAll(v.providers());
                out.println("imported " + v.providers().size() + " providers from " + source);
                yield 0;
            }
            case ImportResult.Invalid i -> {
                i.errors().forEach(e -> err.println(source + ": " + e));
                err.println(i.errors().size() + " bad row(s) in " + source + "; nothing was imported");
                yield 1;
            }
        };
    }
}
