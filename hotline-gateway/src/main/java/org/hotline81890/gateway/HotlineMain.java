package org.hotline81890.gateway;

import org.hotline81890.gateway.cli.DirectoryCommand;
import org.hotline81890.gateway.cli.MatchCommand;
import org.hotline81890.gateway.cli.MigrateCommand;
import org.hotline81890.gateway.cli.RunCommand;
import org.hotline81890.gateway.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of hotline.jar: {@code java -jar hotline.jar <command>}. */
@Command(name = "hotline", mixinStandardHelpOptions = true, version = "81890 hotline 0.1.0",
        description = "The 81890 citizen hotline: one number for every need of daily life.",
        subcommands = {RunCommand.class, MigrateCommand.class, MatchCommand.class, DirectoryCommand.class,
                org.hotline81890.gateway.cli.ProvidersCommand.class,
                org.hotline81890.gateway.cli.PromptsCommand.class,
                org.hotline81890.gateway.cli.CorrectionsCommand.class, org.hotline81890.gateway.cli.UsersCommand.class,
                org.hotline81890.gateway.cli.DemoCommand.class})
public final class HotlineMain {
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new HotlineMain());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException) {
                cmd.getErr().println("configuration error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }
}
