package org.hotline81890.gateway.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.hotline81890.directory.ivr.IvrMenu;
import org.hotline81890.directory.ivr.IvrSettings;
import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.gateway.channel.agi.Prompts;

import picocli.CommandLine.Command;

/** {@code hotline prompts}: every prompt the voice channel plays and its Mandarin text, for src/bin/make-prompts. */
@Command(name = "prompts", mixinStandardHelpOptions = true,
        description = {"Print every prompt the voice scripts and the shipped dialplan play: one line per prompt,",
            "its sound name (e.g. hotline/welcome, digits/7, hotline/menu-HS-0), a TAB, its Mandarin text."})
public final class PromptsCommand implements Callable<Integer> {

    public PromptsCommand() {
    }

    @Override
    public Integer call() throws IOException {
        IvrMenu menu = new IvrMenu(DirectoryLoader.loadDefault(), IvrSettings.defaults());
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        for (Prompts.Line line : Prompts.all(menu)) {
            out.write(line.name() + "\t" + line.zh() + "\n");
        }
        out.flush();
        return 0;
    }
}
