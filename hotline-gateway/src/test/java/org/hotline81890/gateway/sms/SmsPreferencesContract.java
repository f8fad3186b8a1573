package org.hotline81890.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/** What every {@link SmsPreferences} must do (TD/STOP and KT/START); run in memory and on MariaDB. */
public interface SmsPreferencesContract {
    SmsPreferences preferences();

    private static String phone() {
        return "86139" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    @Test
    default void aResidentWhoNeverTextedTdShouldGetNotifications() {
        assertThat(preferences().notificationsOn(phone())).isTrue();
    }

    @Test
    default void tdShouldTurnNotificationsOffForThatNumberOnlyAndKtBackOn() {
        String phone = phone();
        String neighbour = phone();

        preferences().setNotifications(phone, false);
        assertThat(preferences().notificationsOn(phone)).isFalse();
        assertThat(preferences().notificationsOn(neighbour)).isTrue();

        preferences().setNotifications(phone, false);
        assertThat(preferences().notificationsOn(phone)).isFalse();
        preferences().setNotifications(phone, true);
        assertThat(preferences().notificationsOn(phone)).isTrue();
    }
}
