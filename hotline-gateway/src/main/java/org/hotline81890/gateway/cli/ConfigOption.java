package org.hotline81890.gateway.cli;

import java.nio.file.Path;
import java.util.Optional;

import org.hotline81890.gateway.config.HotlineConfig;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option of every command that reads the hotline's configuration (a picocli mixin). */
final class ConfigOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML file overriding keys of config/hotline.yaml (environment HOTLINE_* wins over it).")
    Path file;

    /** The configuration: config/hotline.yaml, then the file, then the environment. */
    HotlineConfig load() {
        return HotlineConfig.load(file, System.getenv());
    }

    Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
