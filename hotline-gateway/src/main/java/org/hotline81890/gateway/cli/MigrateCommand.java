package org.hotline81890.gateway.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotline migrate}: bring the database schema up to date and exit. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Applies the Flyway migrations to the configured database (or the embedded one) and exits.")
public final class MigrateCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML file overriding keys of config/hotline.yaml.")
    Path config;

    @Override
    public Integer call() {
        int applied = HotlineApp.migrate(HotlineConfig.load(config, System.getenv()));
        System.out.println("schema up to date (" + applied + " migrations applied)");
        return 0;
    }
}
