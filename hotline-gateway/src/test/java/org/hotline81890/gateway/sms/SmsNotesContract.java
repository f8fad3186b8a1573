package org.hotline81890.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline81890.gateway.workorder.WorkOrderId;
import org.junit.jupiter.api.Test;

/** What every {@link SmsNotes} must do (texts over the rate limit kept on an order); in memory and on MariaDB. */
public interface SmsNotesContract {
    SmsNotes notes();

    private static WorkOrderId order() {
        return new WorkOrderId(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2));
    }

    private static String key() {
        return "sms:" + UUID.randomUUID();
    }

    @Test
    default void anOrderWithoutNotesShouldCountNone() {
        assertThat(notes().count(order())).isZero();
    }

    @Test
    default void notesShouldBeCountedOnTheirOwnOrder() {
        WorkOrderId order = order();
        WorkOrderId other = order();

        assertThat(notes().attach(key(), order, "8613800001111", "水管还在漏")).isTrue();
        assertThat(notes().attach(key(), order, "8613800001111", "快点来人")).isTrue();
        assertThat(notes().attach(key(), other, "8613900002222", "谢谢")).isTrue();

        assertThat(notes().count(order)).isEqualTo(2);
        assertThat(notes().count(other)).isEqualTo(1);
    }

    @Test
    default void aRedeliveredTextShouldAddNothing() {
        WorkOrderId order = order();
        String key = key();
        assertThat(notes().attach(key, order, "8613800001111", "水管还在漏")).isTrue();

        assertThat(notes().attach(key, order, "8613800001111", "水管还在漏")).isFalse();
        assertThat(notes().attach(key, order(), "8613800001111", "水管还在漏")).isFalse();

        assertThat(notes().count(order)).isEqualTo(1);
    }
}
