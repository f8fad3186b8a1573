package org.hotline81890.gateway.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.config.HotlineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hotline run}: serve until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the hotline: HTTP (admin API, /health, /metrics), the enabled channels, the outbox relay "
                + "and the deadline scheduler.",
                "With no db.url configured it starts an embedded MariaDB with its files under data.dir (./data)."})
public final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        HotlineConfig cfg = config.load();
        HotlineApp app = HotlineApp.start(cfg, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "hotline-shutdown"));
        System.err.println("81890 hotline is up: http://" + cfg.http().host() + ":" + app.httpPort() + "/health");
        stopped.await();
        return 0;
    }
}
