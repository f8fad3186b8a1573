package org.hotline81890.gateway.dispatch;

import java.util.Optional;

/**
 * The images a completion photo may be, told by their first bytes (never by the client's file name or declared type):
 * what every phone camera and browser produces, and what every browser shows.
 */
public enum ImageType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private final String mediaType;
    private final String extension;

    ImageType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The type the bytes start with: JPEG {@code FF D8 FF}, PNG's 8-byte signature, WebP {@code RIFF....WEBP}. */
    public static Optional<ImageType> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (startsWith(b, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(b, 0, "RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                && startsWith(b, 8, "WEBP".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** The type of a stored file's name ({@code <random>.<extension>}). */
    public static Optional<ImageType> ofExtension(String extension) {
        for (ImageType t : values()) {
            if (t.extension.equals(extension)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (b.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
