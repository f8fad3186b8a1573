package org.hotline81890.gateway.storage.mysql;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hotline81890.partners.Capacity;
import org.hotline81890.partners.ContactChannels;
import org.hotline81890.partners.Coverage;
import org.hotline81890.partners.OpeningHours;
import org.hotline81890.partners.PhoneNumber;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.ProviderStatus;
import org.hotline81890.partners.Rating;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.WebhookEndpoint;

/** Maps a {@link Provider} to and from a {@code provider} row (lists and schedules in their CSV text form). */
final class MySqlProviderRows {
    private MySqlProviderRows() {
    }

    static void bind(PreparedStatement ps, Provider p) throws SQLException {
        ps.setString(1, p.id().value());
        ps.setString(2, p.kind().name());
        ps.setString(3, p.name());
        ps.setString(4, p.services().stream().map(ServiceCode::value).sorted().collect(Collectors.joining(";")));
        ps.setString(5, p.coverage().toString());
        ps.setString(6, p.hours().toString());
        ps.setInt(7, p.capacity().maxConcurrentJobs());
        Sql.setText(ps, 8, p.contact().webhook().map(w -> w.url().toString()));
        Sql.setText(ps, 9, p.contact().webhook().map(WebhookEndpoint::secret));
        Sql.setText(ps, 10, p.contact().sms().map(PhoneNumber::value));
        Sql.setText(ps, 11, p.contact().portalLogin());
        ps.setString(12, p.status().name());
        ps.setDouble(13, p.rating().stars());
    }

    static Provider read(ResultSet rs) throws SQLException {
        Optional<String> url = Sql.optText(rs, "webhook_url");
        Optional<WebhookEndpoint> webhook = url.isEmpty() ? Optional.empty()
                : Optional.of(new WebhookEndpoint(URI.create(url.get()), rs.getString("webhook_secret")));
        ContactChannels contact = new ContactChannels(webhook, Sql.optText(rs, "sms").map(PhoneNumber::of),
                Sql.optText(rs, "portal_login"));
        return new Provider(ProviderId.of(rs.getString("id")), ProviderKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                Arrays.stream(rs.getString("services").split(";")).map(ServiceCode::of).collect(Collectors.toSet()),
                Coverage.of(rs.getString("coverage")), OpeningHours.of(rs.getString("hours")),
                new Capacity(rs.getInt("capacity")), contact, ProviderStatus.valueOf(rs.getString("status")),
                new Rating(rs.getDouble("rating")));
    }
}
