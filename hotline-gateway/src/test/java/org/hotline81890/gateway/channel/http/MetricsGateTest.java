package org.hotline81890.gateway.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

/** {@code http.metrics: loopback} (the default, issue 16 L5): only a client on this machine reads /metrics. */
class MetricsGateTest {
    @Test
    void onlyLoopbackClientsShouldCountAsLoopback() {
        assertThat(MetricsGate.isLoopback(SocketAddress.inetSocketAddress(40000, "127.0.0.1"))).isTrue();
        assertThat(MetricsGate.isLoopback(SocketAddress.inetSocketAddress(40000, "127.8.9.10"))).isTrue();
        assertThat(MetricsGate.isLoopback(SocketAddress.inetSocketAddress(40000, "::1"))).isTrue();
        assertThat(MetricsGate.isLoopback(SocketAddress.inetSocketAddress(40000, "10.0.0.7"))).isFalse();
        assertThat(MetricsGate.isLoopback(SocketAddress.inetSocketAddress(40000, "192.168.1.127"))).isFalse();
        assertThat(MetricsGate.isLoopback(SocketAddress.inetSocketAddress(40000, "fe80::1"))).isFalse();
        assertThat(MetricsGate.isLoopback(null)).isFalse();
    }
}
