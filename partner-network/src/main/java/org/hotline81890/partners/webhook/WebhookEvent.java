package org.hotline81890.partners.webhook;

/** Webhook event types; the wire name goes in the body's {@code event} field and the X-Hotline-Event header. */
public enum WebhookEvent {
    OFFERED("offer.offered"),
    REMINDER("offer.reminder"),
    CANCELLED("offer.cancelled"),
    EXPIRED("offer.expired");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
