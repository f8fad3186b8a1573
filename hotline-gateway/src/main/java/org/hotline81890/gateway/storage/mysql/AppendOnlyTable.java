package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * An append-only audit table (who viewed which resident, who listened to which agent): rows are inserted and read
 * newest first, never updated or deleted. {@code columns} in the order {@code bind} sets them and {@code read} reads
 * them; the table's {@code id} orders the rows. An adapter extends it and names its port: the port's
 * {@code append} and {@code newest} are these.
 */
abstract class AppendOnlyTable<T> {
    /** Sets the row's columns, from parameter 1 in the order of {@code columns}. */
    interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    private final Transactions tx;
    private final String insert;
    private final String newest;
    private final Binder<T> bind;
    private final Sql.Row<T> read;

    protected AppendOnlyTable(Transactions tx, String table, List<String> columns, Binder<T> bind, Sql.Row<T> read) {
        this.tx = tx;
        String names = String.join(", ", columns);
        this.insert = "INSERT INTO " + table + " (" + names + ") VALUES (" + "?,".repeat(columns.size() - 1) + "?)";
        this.newest = "SELECT " + names + " FROM " + table + " ORDER BY id DESC LIMIT ?";
        this.bind = bind;
        this.read = read;
    }

    public void append(T row) {
        tx.inTransaction(c -> Sql.update(c, insert, ps -> bind.bind(ps, row)));
    }

    public List<T> newest(int limit) {
        return tx.read(c -> Sql.list(c, newest, ps -> ps.setInt(1, limit), read));
    }
}
