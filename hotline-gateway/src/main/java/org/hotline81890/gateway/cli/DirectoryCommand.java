package org.hotline81890.gateway.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.hotline81890.directory.Category;
import org.hotline81890.directory.Directory;
import org.hotline81890.directory.load.DirectoryLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotline directory}: the categories with their service counts, then the totals (20 and 201). */
@Command(name = "directory", mixinStandardHelpOptions = true,
        description = {"Print the service directory: one line per category (code, Chinese name, English name,",
            "number of services), then a total line with the numbers of categories and services."})
public final class DirectoryCommand implements Callable<Integer> {

    @Option(names = "--directory", paramLabel = "DIR",
            description = "Load the directory from this folder (like config/directory) instead of the built-in one.")
    Path directoryFolder;

    public DirectoryCommand() {
    }

    @Override
    public Integer call() throws IOException {
        Directory directory = directoryFolder != null ? DirectoryLoader.load(directoryFolder)
                : DirectoryLoader.loadDefault();
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        for (Category c : directory.categories()) {
            out.write("%s\t%s\t%s\t%d%n".formatted(c.code(), c.nameZh(), c.nameEn(), directory.servicesOf(c).size()));
        }
        out.write("total\t%d categories\t%d services%n".formatted(directory.categories().size(),
                directory.services().size()));
        out.flush();
        return 0;
    }
}
