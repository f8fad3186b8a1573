package org.hotline81890.directory.semantic;

import java.util.List;

/** Turns a text into a unit-length sentence vector; close meanings give a dot product near 1. */
public interface SentenceEncoder extends AutoCloseable {
    int dimension();

    float[] encode(String text);

    /** Several texts at once (faster when training); the default encodes one by one. */
    default List<float[]> encodeAll(List<String> texts) {
        return texts.stream().map(this::encode).toList();
    }

    @Override
    default void close() {
    }
}
