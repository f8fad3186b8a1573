package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.hotline81890.gateway.supervision.ChartFilter;

/** The KPI charts' filter bound to its placeholders: time range, then category and district where given. */
final class ChartFilterSql {
    private ChartFilterSql() {
    }

    /** Binds {@code f} from parameter {@code i} on (as the WHERE clause names them); the next free index. */
    static int bind(PreparedStatement ps, int i, ChartFilter f) throws SQLException {
        Sql.setInstant(ps, i++, f.start());
        Sql.setInstant(ps, i++, f.end());
        if (f.category().isPresent()) {
            ps.setString(i++, f.category().get() + "-%");
        }
        if (f.district().isPresent()) {
            ps.setString(i++, f.district().get());
        }
        return i;
    }
}
