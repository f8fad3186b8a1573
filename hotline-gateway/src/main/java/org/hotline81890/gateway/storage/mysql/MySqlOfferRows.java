package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.hotline81890.partners.Area;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.offer.DispatchJob;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.OfferKind;
import org.hotline81890.partners.offer.OfferState;
import org.hotline81890.partners.offer.RequestKind;
import org.hotline81890.partners.offer.WorkOrderRef;

/** Maps an {@link Offer} to and from an {@code offer} row. */
final class MySqlOfferRows {
    static final String COLUMNS = "id, work_order, service_code, area, request_kind, emergency, provider_id, kind, "
            + "state, offered_at, accept_by, handle_by, answered_at, started_at, finished_at, note, extensions, "
            + "overdue, version";

    private MySqlOfferRows() {
    }

    /** Binds every column in {@link #COLUMNS} order, from parameter 1. */
    static void bind(PreparedStatement ps, Offer o) throws SQLException {
        DispatchJob job = o.job();
        ps.setString(1, o.id().value());
        ps.setString(2, job.workOrder().value());
        ps.setString(3, job.service().value());
        ps.setString(4, job.area().toString());
        ps.setString(5, job.requestKind().name());
        ps.setBoolean(6, job.emergency());
        ps.setString(7, o.provider().value());
        ps.setString(8, o.kind().name());
        ps.setString(9, o.state().name());
        Sql.setInstant(ps, 10, o.offeredAt());
        Sql.setInstant(ps, 11, o.acceptBy());
        Sql.setInstant(ps, 12, o.handleBy());
        Sql.setInstant(ps, 13, o.answeredAt());
        Sql.setInstant(ps, 14, o.startedAt());
        Sql.setInstant(ps, 15, o.finishedAt());
        Sql.setText(ps, 16, o.note());
        ps.setInt(17, o.extensions());
        ps.setBoolean(18, o.overdue());
        ps.setLong(19, o.version());
    }

    static Offer read(ResultSet rs) throws SQLException {
        DispatchJob job = new DispatchJob(new WorkOrderRef(rs.getString("work_order")),
                ServiceCode.of(rs.getString("service_code")), Area.of(rs.getString("area")),
                RequestKind.valueOf(rs.getString("request_kind")), rs.getBoolean("emergency"));
        return new Offer(new OfferId(rs.getString("id")), job, ProviderId.of(rs.getString("provider_id")),
                OfferKind.valueOf(rs.getString("kind")), OfferState.valueOf(rs.getString("state")),
                Sql.instant(rs, "offered_at"), Sql.instant(rs, "accept_by"), Sql.optInstant(rs, "handle_by"),
                Sql.optInstant(rs, "answered_at"), Sql.optInstant(rs, "started_at"),
                Sql.optInstant(rs, "finished_at"), Sql.optText(rs, "note"), rs.getInt("extensions"),
                rs.getBoolean("overdue"), rs.getLong("version"));
    }
}
