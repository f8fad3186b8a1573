package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Small JDBC helpers: times are UTC DATETIME(3), optionals are NULLs; and the prepare / bind / run / read-rows
 * sequence every adapter repeats, run on the caller's connection (inside its {@link Transactions} work).
 */
final class Sql {
    /** Sets a statement's parameters. */
    interface Params {
        void set(PreparedStatement ps) throws SQLException;
    }

    /** Reads the result's current row. */
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** For a statement without parameters. */
    static final Params NONE = ps -> { };

    /** Formatting a time as text is on every insert's path; building the pattern each time cost ~2 % CPU. */
    private static final DateTimeFormatter MILLIS_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private Sql() {
    }

    static Instant millis(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        // As text: Connector/J drops the fraction of a LocalDateTime/Timestamp parameter when talking to MariaDB.
        ps.setString(i, text(t));
    }

    /** The UTC DATETIME(3) text of {@code t}, as {@link #setInstant} binds it. */
    static String text(Instant t) {
        return MILLIS_TEXT.format(LocalDateTime.ofInstant(millis(t), ZoneOffset.UTC));
    }

    static void setInstant(PreparedStatement ps, int i, Optional<Instant> t) throws SQLException {
        if (t.isPresent()) {
            setInstant(ps, i, t.get());
        } else {
            ps.setNull(i, Types.TIMESTAMP);
        }
    }

    static void setText(PreparedStatement ps, int i, Optional<String> s) throws SQLException {
        if (s.isPresent()) {
            ps.setString(i, s.get());
        } else {
            ps.setNull(i, Types.VARCHAR);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    static Optional<Instant> optInstant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? Optional.empty() : Optional.of(t.toInstant(ZoneOffset.UTC));
    }

    static Optional<String> optText(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    /** Every row {@code sql} selects, each read by {@code row}, in the result's order. */
    static <T> List<T> list(Connection c, String sql, Params params, Row<T> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            params.set(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.read(rs));
                }
                return out;
            }
        }
    }

    /** The first row {@code sql} selects, if there is one and {@code row} reads it as other than null. */
    static <T> Optional<T> first(Connection c, String sql, Params params, Row<T> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            params.set(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
            }
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; how many rows it changed. */
    static int update(Connection c, String sql, Params params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            params.set(ps);
            return ps.executeUpdate();
        }
    }

    /** Runs an INSERT of one row; the id the server gave it. */
    static long insert(Connection c, String sql, Params params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            params.set(ps);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
