package org.hotline81890.gateway.workorder;

/** Infrastructure failure: the store cannot be reached. Channels answer with a retryable refusal, never OK. */
public class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
