package org.hotline81890.gateway.dispatch;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A stored completion photo: its file name in the data dir's photo folder is random ({@code 32 hex + extension},
 * never anything the client sent), which is also how the pages name it.
 */
public record CompletionPhoto(String file, ImageType type, int size) {
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}\\.(jpg|png|webp)");

    public CompletionPhoto {
        if (!isName(file)) {
            throw new IllegalArgumentException("not a photo name: " + file);
        }
    }

    public static boolean isName(String file) {
        return file != null && NAME.matcher(file).matches();
    }

    /** The type a valid name stands for. */
    public static Optional<ImageType> typeOf(String file) {
        return isName(file) ? ImageType.ofExtension(file.substring(file.indexOf('.') + 1)) : Optional.empty();
    }
}
