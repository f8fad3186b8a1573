package org.hotline81890.gateway.storage.mysql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.dispatch.CompletionPhoto;
import org.hotline81890.gateway.dispatch.CompletionRecord;
import org.hotline81890.gateway.dispatch.CompletionRecords;
import org.hotline81890.gateway.dispatch.ImageType;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.OfferId;

/** The {@code job_completion} table (V25). Joins the caller's transaction (the completion's). */
public final class MySqlCompletionRecords implements CompletionRecords {
    private static final String COLUMNS = "offer_id, work_order_id, provider_id, person_login, person_name, "
            + "photo_file, photo_type, photo_bytes, completed_at";
    private final Transactions tx;

    public MySqlCompletionRecords(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(CompletionRecord r) {
        tx.inTransaction(c -> Sql.update(c, "INSERT INTO job_completion (" + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?)", ps -> {
                    ps.setString(1, r.offer().value());
                    ps.setLong(2, r.workOrder().value());
                    ps.setString(3, r.provider().value());
                    Sql.setText(ps, 4, r.by().map(CompletionRecord.Worker::login));
                    Sql.setText(ps, 5, r.by().map(CompletionRecord.Worker::name));
                    Sql.setText(ps, 6, r.photo().map(CompletionPhoto::file));
                    Sql.setText(ps, 7, r.photo().map(p -> p.type().name()));
                    if (r.photo().isPresent()) {
                        ps.setInt(8, r.photo().get().size());
                    } else {
                        ps.setNull(8, java.sql.Types.INTEGER);
                    }
                    Sql.setInstant(ps, 9, r.at());
                }));
    }

    @Override
    public List<CompletionRecord> ofWorkOrder(WorkOrderId workOrder) {
        return tx.read(c -> Sql.list(c, "SELECT " + COLUMNS
                + " FROM job_completion WHERE work_order_id = ? ORDER BY completed_at",
                ps -> ps.setLong(1, workOrder.value()), MySqlCompletionRecords::row));
    }

    @Override
    public List<CompletionRecord> ofProvider(ProviderId provider) {
        return tx.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM job_completion WHERE provider_id = ?",
                ps -> ps.setString(1, provider.value()), MySqlCompletionRecords::row));
    }

    @Override
    public Optional<CompletionRecord> byPhoto(String file) {
        return tx.read(c -> Sql.first(c, "SELECT " + COLUMNS + " FROM job_completion WHERE photo_file = ?",
                ps -> ps.setString(1, file), MySqlCompletionRecords::row));
    }

    private static CompletionRecord row(ResultSet rs) throws SQLException {
        Optional<String> login = Sql.optText(rs, "person_login");
        Optional<CompletionRecord.Worker> by = login.map(l -> new CompletionRecord.Worker(l, text(rs, "person_name")));
        Optional<String> file = Sql.optText(rs, "photo_file");
        Optional<CompletionPhoto> photo = file.isEmpty() ? Optional.empty()
                : Optional.of(new CompletionPhoto(file.get(), ImageType.valueOf(rs.getString("photo_type")),
                rs.getInt("photo_bytes")));
        return new CompletionRecord(new OfferId(rs.getString("offer_id")),
                new WorkOrderId(rs.getLong("work_order_id")), ProviderId.of(rs.getString("provider_id")),
                by, photo, Sql.instant(rs, "completed_at"));
    }

    private static String text(ResultSet rs, String column) {
        try {
            String v = rs.getString(column);
            return v == null ? "" : v;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
