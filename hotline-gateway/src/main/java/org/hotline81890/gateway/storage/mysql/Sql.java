package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Small JDBC helpers: times are UTC DATETIME(3), optionals are NULLs. */
final class Sql {
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
}
