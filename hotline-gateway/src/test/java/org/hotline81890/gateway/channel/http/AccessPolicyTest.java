package org.hotline81890.gateway.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.http.HttpMethod;
import org.hotline81890.gateway.people.Role;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    private final AccessPolicy policy = AccessPolicy.standard();

    @Test
    void pathsShouldMatchTheirRuleAndUnknownPathsNone() {
        assertThat(policy.match(HttpMethod.GET, "/agent/orders/123456789")).map(AccessPolicy.Match::rule)
                .contains(AccessRule.People.of(Role.AGENT));
        assertThat(policy.match(HttpMethod.POST, "/api/admin/work-orders")).map(AccessPolicy.Match::rule)
                .contains(new AccessRule.Machine("admin-token"));
        assertThat(policy.match(HttpMethod.POST, "/login")).map(AccessPolicy.Match::rule)
                .contains(new AccessRule.LoginForm());
        assertThat(policy.match(HttpMethod.GET, "/logout")).isEmpty();
        assertThat(policy.match(HttpMethod.GET, "/agentx")).isEmpty();
        assertThat(policy.match(HttpMethod.GET, "/nowhere")).isEmpty();
    }

    @Test
    void aProviderSegmentShouldNameTheProviderOfThePath() {
        AccessPolicy p = new AccessPolicy(List.of(new AccessPolicy.Entry(Set.of(), "/partner/{provider}/jobs/:id",
                AccessRule.People.of(Role.PARTNER))));
        assertThat(p.match(HttpMethod.GET, "/partner/P-17/jobs/9")).map(AccessPolicy.Match::provider)
                .contains(Optional.of("P-17"));
        assertThat(p.match(HttpMethod.GET, "/partner/P-17/jobs")).isEmpty();
    }
}
