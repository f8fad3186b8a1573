package org.hotline81890.gateway.workorder;

import java.util.Locale;

/** Where a request or a change came from. SYSTEM is the hotline itself (timers, relay). */
public enum Channel {
    PHONE, SMS, WEB, AGENT, PARTNER, SYSTEM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel ofWire(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown channel '" + value
                    + "' (expected phone, sms, web, agent, partner or system)");
        }
    }
}
