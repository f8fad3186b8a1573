package org.hotline81890.gateway.channel.http;

/** A request body or parameter that cannot be used; answered with 400 naming the field. */
public final class BadRequestException extends RuntimeException {
    private final String field;

    public BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
