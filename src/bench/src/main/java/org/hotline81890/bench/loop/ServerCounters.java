package org.hotline81890.bench.loop;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The database server's statement counters ({@code SHOW GLOBAL STATUS}) before and after a run, so the bench can
 * print statements and commits per work order. They are server-wide: other clients of the same server during the
 * run are counted too, so treat the figures as an upper bound on a shared server.
 */
final class ServerCounters {
    static final List<String> SHOWN = List.of("Questions", "Com_select", "Com_insert", "Com_update",
            "Com_commit", "Com_rollback", "Com_set_option");

    private ServerCounters() {
    }

    static Map<String, Long> read(String url, String user, String password) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions','Com_select',"
                     + "'Com_insert','Com_update','Com_commit','Com_rollback','Com_set_option')")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    static void print(PrintStream out, Map<String, Long> before, Map<String, Long> after, int workOrders) {
        StringBuilder line = new StringBuilder("server statements per committed work order (whole loop):");
        for (String name : SHOWN) {
            long delta = after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L);
            line.append(String.format(" %s %.1f", name, (double) delta / Math.max(1, workOrders)));
        }
        out.println(line);
    }
}
