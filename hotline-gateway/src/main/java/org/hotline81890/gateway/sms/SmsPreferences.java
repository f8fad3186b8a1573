package org.hotline81890.gateway.sms;

/** Driven port: whether a resident wants status notifications by SMS (TD/STOP and KT/START). */
public interface SmsPreferences {
    boolean notificationsOn(String phone);

    void setNotifications(String phone, boolean on);
}
