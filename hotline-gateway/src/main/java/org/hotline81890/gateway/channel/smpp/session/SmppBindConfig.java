package org.hotline81890.gateway.channel.smpp.session;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One bind to one SMSC (config keys {@code smpp.host}, {@code smpp.port}, {@code smpp.system-id},
 * {@code smpp.password}, {@code smpp.system-type}, {@code smpp.bind-type}, {@code smpp.source-address},
 * {@code smpp.submit-rate}, {@code smpp.window}). Several records give several binds.
 *
 * @param name label for logs and for SMSC-scoped idempotency keys
 * @param submitRate submit_sm per second on this bind
 * @param window outstanding submit_sm (and concurrent deliver_sm handlers) on this bind
 */
public record SmppBindConfig(String name, String host, int port, String systemId, String password, String systemType,
        BindKind bindType, String sourceAddress, int submitRate, int window, Duration enquireLinkInterval,
        Duration transactionTimeout, Duration backoffInitial, Duration backoffMax) {

    public enum BindKind {
        TRANSCEIVER, RECEIVER, TRANSMITTER;

        public static BindKind of(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "transceiver", "trx" -> TRANSCEIVER;
                case "receiver", "rx" -> RECEIVER;
                case "transmitter", "tx" -> TRANSMITTER;
                default -> throw new IllegalArgumentException("smpp.bind-type: unknown value '" + value
                        + "' (transceiver, receiver or transmitter)");
            };
        }

        public boolean receives() {
            return this != TRANSMITTER;
        }

        public boolean transmits() {
            return this != RECEIVER;
        }
    }

    public SmppBindConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "smpp.host");
        Objects.requireNonNull(systemId, "smpp.system-id");
        Objects.requireNonNull(password, "smpp.password");
        Objects.requireNonNull(systemType, "smpp.system-type");
        Objects.requireNonNull(bindType, "smpp.bind-type");
        Objects.requireNonNull(sourceAddress, "smpp.source-address");
        Objects.requireNonNull(enquireLinkInterval, "enquireLinkInterval");
        Objects.requireNonNull(transactionTimeout, "transactionTimeout");
        Objects.requireNonNull(backoffInitial, "backoffInitial");
        Objects.requireNonNull(backoffMax, "backoffMax");
        require(port > 0 && port <= 65535, "smpp.port", port);
        require(systemId.length() <= 15, "smpp.system-id", systemId);
        require(password.length() <= 8, "smpp.password", "(more than 8 characters)");
        require(!sourceAddress.isBlank(), "smpp.source-address", sourceAddress);
        require(submitRate > 0, "smpp.submit-rate", submitRate);
        require(window > 0, "smpp.window", window);
        require(!backoffInitial.isNegative() && !backoffInitial.isZero(), "backoffInitial", backoffInitial);
        require(backoffMax.compareTo(backoffInitial) >= 0, "backoffMax", backoffMax);
    }

    /** The defaults of config/hotline.yaml: bind_transceiver, source 81890, 100 msg/s, window 50. */
    public static SmppBindConfig of(String name, String host, int port, String systemId, String password) {
        return new SmppBindConfig(name, host, port, systemId, password, "", BindKind.TRANSCEIVER, "81890", 100, 50,
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(60));
    }

    public SmppBindConfig withBackoff(Duration initial, Duration max) {
        return new SmppBindConfig(name, host, port, systemId, password, systemType, bindType, sourceAddress,
                submitRate, window, enquireLinkInterval, transactionTimeout, initial, max);
    }

    public SmppBindConfig withRate(int perSecond, int newWindow) {
        return new SmppBindConfig(name, host, port, systemId, password, systemType, bindType, sourceAddress,
                perSecond, newWindow, enquireLinkInterval, transactionTimeout, backoffInitial, backoffMax);
    }

    public SmppBindConfig withBindType(BindKind kind) {
        return new SmppBindConfig(name, host, port, systemId, password, systemType, kind, sourceAddress,
                submitRate, window, enquireLinkInterval, transactionTimeout, backoffInitial, backoffMax);
    }

    private static void require(boolean ok, String key, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(key + ": invalid value " + value);
        }
    }
}
