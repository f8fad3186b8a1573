package org.hotline81890.gateway.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, M4: an Idempotency-Key belongs to the credential that sent it, and names one request: a retry of the same
 * request (whatever its JSON's key order and spacing) finds it, another request under the same key does not.
 */
class RequestKeysTest {
    private static final String BODY = "{\"callerNumber\":\"13800006666\",\"text\":\"楼道灯不亮了\"}";

    private static String key(String body, String credential) {
        return IntakeBodies.intake(new JsonObject(body), Optional.of("k-1"), credential, "it", s -> true)
                .idempotencyKey();
    }

    @Test
    void theSameKeyFromAnotherCredentialShouldBeAnotherKey() {
        assertThat(key(BODY, "admin")).startsWith(RequestKeys.scope("admin", "k-1"))
                .isNotEqualTo(key(BODY, "partner:P-1"));
        assertThat(RequestKeys.scope("admin", "k-1")).isNotEqualTo(RequestKeys.scope("partner:P-1", "k-1"));
    }

    @Test
    void aRetryShouldKeepItsKeyAndAnotherRequestUnderItShouldNot() {
        String retry = "{ \"text\":\"楼道灯不亮了\", \"callerNumber\":\"138-0000-6666\" }";
        String other = "{\"callerNumber\":\"13900007777\",\"text\":\"家里停水了\"}";
        assertThat(key(retry, "admin")).isEqualTo(key(BODY, "admin"));
        assertThat(key(other, "admin")).isNotEqualTo(key(BODY, "admin"))
                .startsWith(RequestKeys.scope("admin", "k-1"));
    }
}
