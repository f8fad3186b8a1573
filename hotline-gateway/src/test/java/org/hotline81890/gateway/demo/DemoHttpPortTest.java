package org.hotline81890.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/** The demo's HTTP port when the configured one (8080 by default) is taken by another program. */
class DemoHttpPortTest {
    private static final String HOST = "127.0.0.1";

    @Test
    void aTakenDefaultPortIsReplacedByAFreeOneAndTheNewcomerIsTold() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            DemoHttpPort.Choice c = DemoHttpPort.choose(HOST, taken.getLocalPort(), false);
            assertThat(c.instead()).hasValueSatisfying(p -> {
                assertThat(p).isNotEqualTo(taken.getLocalPort());
                try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getByName(HOST))) {
                    assertThat(s.getLocalPort()).isEqualTo(p);
                } catch (IOException e) {
                    throw new AssertionError("the port offered instead is not free: " + p, e);
                }
            });
            assertThat(c.notice()).hasValueSatisfying(n -> assertThat(n)
                    .contains("HTTP port " + taken.getLocalPort() + " is taken")
                    .contains("port " + c.instead().orElseThrow()).contains("HOTLINE_HTTP_PORT"));
        }
    }

    @Test
    void aTakenPortAskedForFailsAtOnceSayingWhatToDo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            assertThatThrownBy(() -> DemoHttpPort.choose(HOST, taken.getLocalPort(), true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HTTP port " + taken.getLocalPort() + " on " + HOST + " is taken")
                    .hasMessageContaining("HOTLINE_HTTP_PORT");
        }
    }

    @Test
    void aFreePortOrPortZeroIsKept() throws IOException {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            free = s.getLocalPort();
        }
        assertThat(DemoHttpPort.choose(HOST, free, false)).isEqualTo(DemoHttpPort.Choice.AS_CONFIGURED);
        assertThat(DemoHttpPort.choose(HOST, 0, true)).isEqualTo(DemoHttpPort.Choice.AS_CONFIGURED);
    }
}
