package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.hotline81890.gateway.testing.CuttableProxy;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * On real MariaDB: a first start whose database does not answer at first (a proxy that drops every connection, as a
 * busy server that does not accept in time) says so and waits, and goes on once it answers; a wrong password fails at
 * once, whatever the patience.
 */
class DatabasePatienceIT {
    @Test
    void aStartWaitsForTheDatabaseAndGoesOnWhenItAnswers() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(Database.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try (TestDatabase target = TestDatabase.create(); CuttableProxy proxy = CuttableProxy.of(target.url());
             Database db = Database.open(proxy.rewrite(target.url()), TestDatabase.user(), TestDatabase.password(),
                     2, 250, Optional.empty())) {
            proxy.cut();
            CompletableFuture<Void> started = CompletableFuture.runAsync(
                    () -> db.awaitFirstConnection(Duration.ofSeconds(60)));
            Eventually.waitFor("the start to say it waits", Duration.ofSeconds(20), () -> seen.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("did not answer yet (try 1")));
            assertThat(started).isNotDone();

            proxy.restore();
            started.get(20, TimeUnit.SECONDS);
            assertThat(db.isReachable()).isTrue();
        } finally {
            log.detachAppender(seen);
        }
    }

    @Test
    void aWrongPasswordFailsAtOnce() {
        try (TestDatabase target = TestDatabase.create();
             Database db = Database.open(target.url(), TestDatabase.user(), "not-the-password", 1, 2000,
                     Optional.empty())) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> db.awaitFirstConnection(Duration.ofSeconds(60)))
                    .isInstanceOf(StorageUnavailableException.class).hasMessageContaining("refused the login");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
    }
}
