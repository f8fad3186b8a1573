package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * A start waits for the database's first answer (db.start-patience) and then says clearly which database did not
 * answer and how long it was given; without a database here, a port nobody listens on stands for a server that does
 * not answer yet.
 */
class DatabasePatienceTest {
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aDatabaseThatNeverAnswersFailsTheStartAfterThePatienceNamingItAndTheKey() throws IOException {
        String url = "jdbc:mysql://127.0.0.1:" + closedPort() + "/hotline?sslMode=DISABLED";
        try (Database db = Database.open(url, "hotline", "x", 1, 250, Optional.empty())) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> db.awaitFirstConnection(Duration.ofSeconds(1)))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining(url).hasMessageContaining("did not answer within 1 s")
                    .hasMessageContaining("db.start-patience").hasMessageNotContaining("1 tries");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(1),
                    Duration.ofSeconds(10));
        }
    }

    @Test
    void noPatienceTriesOnce() throws IOException {
        String url = "jdbc:mysql://127.0.0.1:" + closedPort() + "/hotline?sslMode=DISABLED";
        try (Database db = Database.open(url, "hotline", "x", 1, 250, Optional.empty())) {
            assertThatThrownBy(() -> db.awaitFirstConnection(Duration.ZERO))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("(db.start-patience; 1 tries");
        }
    }

    @Test
    void aRefusedLoginIsToldApartFromABusyServer() {
        SQLException denied = new SQLException("Access denied for user 'hotline'", "28000", 1045);
        assertThat(Database.loginRefused(new SQLException("pool timeout", "08001", 0, denied))).isTrue();
        assertThat(Database.loginRefused(new SQLException("Connection refused", "08S01", 0))).isFalse();
    }
}
