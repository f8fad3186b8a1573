package org.hotline81890.gateway.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.hotline81890.gateway.HotlineApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code hotline providers import FILE}: loads providers from CSV (format in partner-network/README.md). */
@Command(name = "providers", mixinStandardHelpOptions = true, description = "Manages the partner network's providers.",
        subcommands = {ProvidersCommand.Import.class, ProviderKeyCommand.class})
public final class ProvidersCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("usage: hotline providers import FILE | hotline providers key issue|list|revoke ...");
    }

    /** The import itself. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Validates every row of a provider CSV and saves all of them in one transaction, or none "
                    + "(bad rows are listed by line). Existing providers with the same id are replaced.")
    public static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "UTF-8 CSV with the header of config/providers/providers.csv.")
        Path file;

        @Mixin
        ConfigOption config;

        @Override
        public Integer call() throws IOException {
            String csv = Files.readString(file, StandardCharsets.UTF_8);
            return HotlineApp.importProviders(config.load(), csv, file.toString(),
                    System.out, System.err);
        }
    }
}
