package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

import org.hotline81890.gateway.workorder.StorageFullException;
import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * A database out of room refuses new work with the retryable answer (issue 16): the errors MariaDB gives when its
 * disk or a tablespace is full become {@link StorageUnavailableException} (HTTP 503 + Retry-After, SMPP
 * ESME_RX_T_APPN), while other SQL failures stay bugs. The messages are MariaDB 10.11's own.
 */
class TransactionsCannotStoreTest {
    @Test
    void aFullTableOrDiskShouldBeARetryableRefusalNamingTheCause() {
        SQLException[] full = {
            new SQLException("The table 'work_order' is full", "HY000", 1114),
            new SQLException("Disk full (/var/tmp/#sql-temptable-1.MAI); waiting for someone to free some space...",
                    "HY000", 1021),
            new SQLException("Error writing file './hotline/work_order.ibd' (Errcode: 28 \"No space left on device\")",
                    "HY000", 3),
            new SQLException("Got error 28 \"No space left on device\" from storage engine InnoDB", "HY000", 1030),
            new SQLException("Got error 28 \"No space left on device\" during COMMIT", "HY000", 1180),
        };
        for (SQLException e : full) {
            RuntimeException r = Transactions.translate(e);
            assertThat(r).as(e.getMessage()).isInstanceOf(StorageUnavailableException.class)
                    .isInstanceOf(StorageFullException.class);
            assertThat(r.getMessage()).contains("cannot store").contains(String.valueOf(e.getErrorCode()));
        }
    }

    @Test
    void aWriteRefusedAsFullShouldBeRememberedForTheHealthCheckAndForgottenAfterItsMemory() {
        Transactions tx = new Transactions(idleConnections());
        assertThat(tx.outOfRoom(Duration.ofSeconds(15))).isEmpty();
        SQLException full = new SQLException("The table 'work_order' is full", "HY000", 1114);
        assertThatThrownBy(() -> tx.inTransaction(c -> {
            throw full;
        })).isInstanceOf(StorageFullException.class);
        assertThat(tx.outOfRoom(Duration.ofSeconds(15))).hasValueSatisfying(why -> assertThat(why)
                .contains("refused to store").contains("1114"));
        assertThat(tx.outOfRoom(Duration.ofMillis(-1))).as("past its memory").isEmpty();
    }

    /** A data source whose connections accept the transaction calls and do nothing (the work throws first). */
    private static DataSource idleConnections() {
        Connection c = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getReturnType() == boolean.class
                        ? Boolean.FALSE : null);
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> c);
    }

    @Test
    void otherFailuresShouldStayBugs() {
        SQLException[] bugs = {
            new SQLException("Data too long for column 'note' at row 1", "22001", 1406),
            new SQLException("Error writing file 'x' (Errcode: 13 \"Permission denied\")", "HY000", 3),
            new SQLException("Got error 1 \"Operation not permitted\" from storage engine", "HY000", 1030),
        };
        for (SQLException e : bugs) {
            assertThat(Transactions.translate(e)).as(e.getMessage()).isInstanceOf(IllegalStateException.class);
        }
    }
}
