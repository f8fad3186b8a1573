package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.SQLException;

import com.mysql.cj.jdbc.JdbcConnection;

/**
 * Values written into SQL text as literals, for the SMS group commit's multi-row INSERTs: binding thousands of
 * parameters through Connector/J's client-side prepared statements costs per-parameter property lookups, escaping
 * and charset work on the committers' path. Strings are quoted and escaped as Connector/J itself does for a
 * client-side prepared statement: backslash escapes unless the server runs with NO_BACKSLASH_ESCAPES, then quotes
 * are doubled. Only Strings, Longs, Integers and null. Public for the journal append benchmark (src/bench,
 * {@code JournalAppendBench}), which weighs it against bound parameters.
 */
public final class SqlLiterals {
    private final boolean backslashEscapes;

    private SqlLiterals(boolean backslashEscapes) {
        this.backslashEscapes = backslashEscapes;
    }

    public static SqlLiterals of(Connection c) throws SQLException {
        boolean noBackslash = c.isWrapperFor(JdbcConnection.class)
                && c.unwrap(JdbcConnection.class).getSession().getServerSession().isNoBackslashEscapesSet();
        return new SqlLiterals(!noBackslash);
    }

    static SqlLiterals backslashEscapes(boolean on) {
        return new SqlLiterals(on);
    }

    public void append(StringBuilder sql, Object v) {
        switch (v) {
            case null -> sql.append("NULL");
            case String s -> quote(sql, s);
            case Long l -> sql.append(l.longValue());
            case Integer n -> sql.append(n.intValue());
            default -> throw new IllegalArgumentException("unsupported value type " + v.getClass());
        }
    }

    private void quote(StringBuilder sql, String s) {
        sql.append('\'');
        for (int i = 0, n = s.length(); i < n; i++) {
            char ch = s.charAt(i);
            if (!backslashEscapes) {
                if (ch == '\'') {
                    sql.append('\'');
                }
                sql.append(ch);
                continue;
            }
            switch (ch) {
                case 0 -> sql.append("\\0");
                case '\n' -> sql.append("\\n");
                case '\r' -> sql.append("\\r");
                case '\\' -> sql.append("\\\\");
                case '\'' -> sql.append("\\'");
                case '"' -> sql.append("\\\"");
                case '\032' -> sql.append("\\Z");
                default -> sql.append(ch);
            }
        }
        sql.append('\'');
    }
}
