package org.hotline81890.gateway.storage.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.OfferState;
import org.hotline81890.partners.offer.WorkOrderRef;
import org.hotline81890.partners.store.ConcurrentOfferUpdateException;
import org.hotline81890.partners.store.OfferStore;
import org.hotline81890.gateway.dispatch.OfferArm;
import org.hotline81890.gateway.dispatch.OfferHistory;

/** {@link OfferStore} on MySQL: optimistic locking on the version column. */
public final class MySqlOfferStore implements OfferStore, OfferHistory {
    private static final String SELECT = "SELECT " + MySqlOfferRows.COLUMNS + " FROM offer ";
    private static final String INSERT = "INSERT INTO offer (" + MySqlOfferRows.COLUMNS + ") VALUES "
            + "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String UPDATE = "UPDATE offer SET id=?, work_order=?, service_code=?, area=?, "
            + "request_kind=?, emergency=?, provider_id=?, kind=?, state=?, offered_at=?, accept_by=?, handle_by=?, "
            + "answered_at=?, started_at=?, finished_at=?, note=?, extensions=?, overdue=?, version=? "
            + "WHERE id=? AND version=?";
    private final Transactions tx;
    private final Function<Offer, List<OfferArm>> armOnInsert;

    public MySqlOfferStore(Transactions tx) {
        this(tx, offer -> List.of());
    }

    /**
     * {@code armOnInsert}: the deadlines a new offer needs (its accept-by, a transfer's handle-by), inserted with the
     * offer in one transaction, so a dispatch pays one commit for both and never leaves an offer without them.
     */
    public MySqlOfferStore(Transactions tx, Function<Offer, List<OfferArm>> armOnInsert) {
        this.tx = tx;
        this.armOnInsert = Objects.requireNonNull(armOnInsert);
    }

    @Override
    public void save(Offer offer) {
        tx.inTransaction(c -> {
            if (offer.version() == 0) {
                insert(c, offer);
                // the offer's deadlines (accept-by, reminder, a transfer's handle-by) in one multi-row INSERT
                MultiRowInsert rows = new MultiRowInsert();
                MultiRowInsert.Rows deadlines = rows.table("INSERT INTO deadline (subject_type, subject_id, kind, "
                        + "due_at, state)", 5);
                for (OfferArm arm : armOnInsert.apply(offer)) {
                    deadlines.add(arm.subjectType(), arm.subjectId(), arm.kind(), Sql.text(arm.dueAt()), "PENDING");
                }
                rows.execute(c);
            } else {
                update(c, offer);
            }
            return null;
        });
    }

    private static void insert(Connection c, Offer offer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            MySqlOfferRows.bind(ps, offer);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (e.getErrorCode() == 1062) {
                throw new ConcurrentOfferUpdateException(offer.id(), -1);
            }
            throw e;
        }
    }

    private static void update(Connection c, Offer offer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            MySqlOfferRows.bind(ps, offer);
            ps.setString(20, offer.id().value());
            ps.setLong(21, offer.version() - 1);
            if (ps.executeUpdate() != 1) {
                throw new ConcurrentOfferUpdateException(offer.id(), offer.version() - 1);
            }
        }
    }

    @Override
    public Optional<Offer> find(OfferId id) {
        return list("WHERE id=?", id.value()).stream().findFirst();
    }

    /**
     * The states of these offers in one read (those that exist): the webhook delivery's look at the offers of a
     * relay's claim before it posts them, one statement per claim instead of a read of the whole row per post.
     */
    public Map<OfferId, OfferState> states(Collection<OfferId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<OfferId> list = List.copyOf(ids);
        return tx.read(c -> Sql.list(c, "SELECT id, state FROM offer WHERE id IN ("
                + String.join(",", Collections.nCopies(list.size(), "?")) + ")", ps -> {
                    for (int i = 0; i < list.size(); i++) {
                        ps.setString(i + 1, list.get(i).value());
                    }
                }, rs -> Map.entry(new OfferId(rs.getString("id")), OfferState.valueOf(rs.getString("state")))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    @Override
    public List<Offer> forWorkOrder(WorkOrderRef workOrder) {
        return list("WHERE work_order=? ORDER BY offered_at, id", workOrder.value());
    }

    @Override
    public List<Offer> forProvider(ProviderId provider) {
        return list("WHERE provider_id=? ORDER BY offered_at, id", provider.value());
    }

    /** Every offer made at or after {@code since}, oldest first (for KPIs). */
    public List<Offer> offeredSince(Instant since) {
        return tx.read(c -> Sql.list(c, SELECT + "WHERE offered_at>=? ORDER BY offered_at, id",
                ps -> Sql.setInstant(ps, 1, since), MySqlOfferRows::read));
    }

    @Override
    public Map<ProviderId, Integer> activeJobCounts() {
        return tx.read(c -> counts(c, "SELECT provider_id, COUNT(*) AS n FROM offer "
                + "WHERE state IN ('ACCEPTED','STARTED') GROUP BY provider_id", Sql.NONE));
    }

    @Override
    public Map<ProviderId, Integer> acceptedSince(Instant since) {
        return tx.read(c -> counts(c, "SELECT provider_id, COUNT(*) AS n FROM offer "
                + "WHERE answered_at>=? AND (state IN ('ACCEPTED','STARTED','COMPLETED') "
                + "OR (state='CANCELLED' AND finished_at IS NOT NULL)) GROUP BY provider_id",
                ps -> Sql.setInstant(ps, 1, since)));
    }

    @Override
    public List<Offer> acceptDeadlinesDue(Instant now) {
        return tx.read(c -> Sql.list(c, SELECT + "WHERE state='OFFERED' AND accept_by<=? ORDER BY accept_by, id",
                ps -> Sql.setInstant(ps, 1, now), MySqlOfferRows::read));
    }

    private List<Offer> list(String where, String param) {
        return tx.read(c -> Sql.list(c, SELECT + where, ps -> ps.setString(1, param), MySqlOfferRows::read));
    }

    private static Map<ProviderId, Integer> counts(Connection c, String sql, Sql.Params params) throws SQLException {
        return Sql.list(c, sql, params, rs -> Map.entry(ProviderId.of(rs.getString("provider_id")), rs.getInt("n")))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
