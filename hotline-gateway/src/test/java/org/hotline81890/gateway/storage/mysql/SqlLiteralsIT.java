package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hotline81890.gateway.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written literals of the SMS group commit (issue 18: it stays, see docs/sms.md) on the real server, with
 * NO_BACKSLASH_ESCAPES off and on: every character class reads back as written, and none ends the literal early.
 */
class SqlLiteralsIT {
    private static final List<String> AWKWARD = List.of(
            "it's", "''", "'", "\\", "\\'", "'\\", "a\\", "\\\\'", "say \"hi\"", "\"", "NUL\0in\0it", "\0",
            "SUB\u001a^Z", "\u001a", "line\nbreak\r\nCR", "\t tab", "100% _under_", "市民热线81890",
            "4-byte 🙏 𠀀 𝄞", "'); DROP TABLE lit; --", "\\'); DROP TABLE lit; --", "\\0 \\Z \\n literally",
            "end with backslash \\", "");
    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /**
     * Connector/J (and so {@link SqlLiterals#of}) reads sql_mode once, when it connects: the mode is set on the server
     * and a new connection opened, as a server configured with NO_BACKSLASH_ESCAPES would be met.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyCharacterClassReadsBackAsWritten(boolean noBackslashEscapes) throws Exception {
        String global;
        try (Connection admin = DriverManager.getConnection(db.url(), TestDatabase.user(), TestDatabase.password());
             Statement st = admin.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT @@GLOBAL.sql_mode")) {
                rs.next();
                global = rs.getString(1);
            }
            String without = String.join(",", Arrays.stream(global.split(","))
                    .filter(m -> !m.isEmpty() && !m.equals("NO_BACKSLASH_ESCAPES")).toList());
            st.execute("SET GLOBAL sql_mode = '" + (noBackslashEscapes
                    ? (without.isEmpty() ? "" : without + ",") + "NO_BACKSLASH_ESCAPES" : without) + "'");
            try (Connection c = DriverManager.getConnection(db.url(), TestDatabase.user(), TestDatabase.password())) {
                assertThat(roundTrip(c, noBackslashEscapes)).containsExactlyElementsOf(AWKWARD);
            } finally {
                st.execute("SET GLOBAL sql_mode = '" + global + "'");
            }
        }
    }

    private static List<String> roundTrip(Connection c, boolean noBackslashEscapes) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT @@SESSION.sql_mode LIKE '%NO_BACKSLASH_ESCAPES%'")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isEqualTo(noBackslashEscapes);
            }
            SqlLiterals lit = SqlLiterals.of(c);
            st.execute("CREATE TEMPORARY TABLE lit (n INT PRIMARY KEY, s TEXT CHARACTER SET utf8mb4)");
            StringBuilder sql = new StringBuilder("INSERT INTO lit (n, s) VALUES ");
            for (int i = 0; i < AWKWARD.size(); i++) {
                sql.append(i == 0 ? "(" : ",(");
                lit.append(sql, i);
                sql.append(',');
                lit.append(sql, AWKWARD.get(i));
                sql.append(')');
            }
            st.executeUpdate(sql.toString());
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT s FROM lit ORDER BY n")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
