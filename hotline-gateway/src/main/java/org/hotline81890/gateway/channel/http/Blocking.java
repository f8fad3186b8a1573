package org.hotline81890.gateway.channel.http;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs blocking work (JDBC, use cases) on a virtual thread and completes back on the caller's event loop. */
public final class Blocking implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Blocking.class);
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final Vertx vertx;

    public Blocking(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> Future<T> run(Callable<T> work) {
        Context context = vertx.getOrCreateContext();
        Promise<T> promise = Promise.promise();
        virtualThreads.execute(() -> {
            try {
                T result = work.call();
                context.runOnContext(v -> promise.complete(result));
            } catch (Throwable t) {
                context.runOnContext(v -> promise.fail(t));
            }
        });
        return promise.future();
    }

    /** Takes no new work and waits (up to 30 s) for the work under way: it writes to the pool that closes next. */
    @Override
    public void close() {
        virtualThreads.shutdown();
        try {
            if (!virtualThreads.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("blocking work still running 30 s into the shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
