package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;

/**
 * Rows for several tables written in as few round trips as the connection allows: each table's rows become one
 * multi-row INSERT, and with {@code allowMultiQueries=true} on the connection all of them go in ONE statement
 * (one round trip instead of one per table).
 * Values are Strings, Longs, Integers or null, written as SQL literals ({@link SqlLiterals}), not bound.
 */
final class MultiRowInsert {
    private record Table(String head, int columns, List<Object[]> rows) {
    }

    private final List<Table> tables = new ArrayList<>();

    /** {@code head} is "INSERT [IGNORE] INTO t (c1, ..., cN)"; returns the table's row list to add to. */
    Rows table(String head, int columns) {
        Table t = new Table(head, columns, new ArrayList<>());
        tables.add(t);
        return values -> {
            if (values.length != columns) {
                throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
            }
            t.rows().add(values);
        };
    }

    /** Adds one row's values. */
    @FunctionalInterface
    interface Rows {
        void add(Object... values);
    }

    /** Writes every table that has rows; one statement when the connection allows multi-statements. */
    void execute(Connection c) throws SQLException {
        List<Table> used = tables.stream().filter(t -> !t.rows().isEmpty()).toList();
        if (used.isEmpty()) {
            return;
        }
        if (allowsMultiQueries(c)) {
            run(c, used);
        } else {
            for (Table t : used) {
                run(c, List.of(t));
            }
        }
    }

    private static void run(Connection c, List<Table> used) throws SQLException {
        SqlLiterals literals = SqlLiterals.of(c);
        StringBuilder sql = new StringBuilder(4096);
        for (Table t : used) {
            if (!sql.isEmpty()) {
                sql.append(";\n");
            }
            sql.append(t.head()).append(" VALUES ");
            for (int r = 0; r < t.rows().size(); r++) {
                sql.append(r == 0 ? "(" : ",(");
                Object[] row = t.rows().get(r);
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        sql.append(',');
                    }
                    literals.append(sql, row[i]);
                }
                sql.append(')');
            }
        }
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            st.execute(sql.toString());
            // Every statement's result must be read: an error in a later one surfaces only here.
            while (st.getMoreResults() || st.getUpdateCount() != -1) {
                continue;
            }
        }
    }

    static boolean allowsMultiQueries(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)) {
            return false;
        }
        return c.unwrap(JdbcConnection.class).getPropertySet().getBooleanProperty(PropertyKey.allowMultiQueries)
                .getValue();
    }
}
