package org.hotline81890.gateway.cli;

import java.util.concurrent.Callable;

import org.hotline81890.gateway.HotlineApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hotline migrate}: bring the database schema up to date and exit. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Applies the Flyway migrations to the configured database (or the embedded one) and exits.")
public final class MigrateCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        int applied = HotlineApp.migrate(config.load());
        System.out.println("schema up to date (" + applied + " migrations applied)");
        return 0;
    }
}
