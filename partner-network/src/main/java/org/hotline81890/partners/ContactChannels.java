package org.hotline81890.partners;

import java.util.Objects;
import java.util.Optional;

/** How the hotline reaches a provider and how the provider logs in; at least one channel is required. */
public record ContactChannels(Optional<WebhookEndpoint> webhook, Optional<PhoneNumber> sms,
        Optional<String> portalLogin) {
    public ContactChannels {
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(portalLogin, "portal login");
        if (webhook.isEmpty() && sms.isEmpty() && portalLogin.isEmpty()) {
            throw new IllegalArgumentException("a provider needs a webhook, an SMS number or a portal login");
        }
        portalLogin.ifPresent(login -> {
            if (!login.matches("[A-Za-z0-9._@-]{3,64}")) {
                throw new IllegalArgumentException(
                        "portal login must be 3..64 of A-Z a-z 0-9 . _ @ -, got '" + login + "'");
            }
        });
    }
}
