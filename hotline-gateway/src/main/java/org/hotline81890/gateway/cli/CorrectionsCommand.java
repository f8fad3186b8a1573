package org.hotline81890.gateway.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.matching.Correction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code hotline corrections export}: the confirmed agent corrections in the examples format, for
 * {@code hotline match --train --corrections FILE}.
 */
@Command(name = "corrections", mixinStandardHelpOptions = true,
        description = "The agents' corrections of the matcher.", subcommands = CorrectionsCommand.Export.class)
public final class CorrectionsCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("usage: hotline corrections export [--config FILE] > confirmed.tsv");
    }

    /** Writes the confirmed corrections, oldest first, as {@code text, service_code, request_type, note}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Prints the confirmed corrections in the examples format (text, service_code, request_type,"
                    + " note) for `hotline match --train --corrections FILE`.")
    public static final class Export implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Override
        public Integer call() throws IOException {
            return HotlineApp.withCorrections(config.load(), corrections -> {
                try {
                    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                    out.write("text\tservice_code\trequest_type\tnote\n");
                    for (Correction c : corrections.confirmed()) {
                        out.write(c.text().replaceAll("[\\t\\r\\n]", " ") + "\t" + c.chosen() + "\t"
                                + c.requestType() + "\tcorrection " + c.id() + " by " + c.agent()
                                + ", confirmed by " + c.confirmedBy().orElse("") + "\n");
                    }
                    out.flush();
                    return 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
