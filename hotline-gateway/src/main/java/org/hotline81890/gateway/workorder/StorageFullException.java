package org.hotline81890.gateway.workorder;

/**
 * The store answers but has no room for the write (disk or tablespace full). Retryable like any unavailability, so
 * every channel refuses the same way (503 + Retry-After, ESME_RX_T_APPN, the voice prompt); the HTTP edge says why.
 */
public final class StorageFullException extends StorageUnavailableException {
    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
