package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.hotline81890.gateway.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A restart with nothing to migrate says the version the schema is at, not "version null". */
class SchemaVersionLogIT {
    @Test
    void aRestartShouldLogTheCurrentSchemaVersion() {
        Logger log = (Logger) LoggerFactory.getLogger(Database.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try (TestDatabase db = TestDatabase.create()) {
            assertThat(db.database().migrate()).isZero();
            assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(m -> assertThat(m).matches("database schema at version \\d+ \\(0 migrations .*"))
                    .noneSatisfy(m -> assertThat(m).contains("null"));
        } finally {
            log.detachAppender(seen);
        }
    }
}
