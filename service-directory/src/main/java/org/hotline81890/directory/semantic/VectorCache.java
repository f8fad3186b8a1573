package org.hotline81890.directory.semantic;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Sentence vectors of known texts, so start-up does not run the model over every example (about 2 ms each). Keyed
 * by a 64-bit hash of the text; each vector is stored as int8 with one scale (cosine error about 0.003). Written by
 * {@code hotline match --train}; a text missing from it is simply encoded at start-up.
 */
public final class VectorCache {
    private static final int MAGIC = 0x8189_0E01;
    private final Map<Long, float[]> vectors;
    private final int dimension;

    public VectorCache(int dimension, Map<Long, float[]> vectors) {
        this.dimension = dimension;
        this.vectors = new HashMap<>(vectors);
    }

    public static VectorCache empty(int dimension) {
        return new VectorCache(dimension, Map.of());
    }

    public Optional<float[]> find(String text) {
        float[] v = vectors.get(hash(text));
        return v == null ? Optional.empty() : Optional.of(v.clone());
    }

    public void put(String text, float[] vector) {
        vectors.put(hash(text), vector.clone());
    }

    public int size() {
        return vectors.size();
    }

    /** The vectors of the texts, from the cache where known, else encoded (and remembered). */
    public List<float[]> vectorsOf(List<String> texts, SentenceEncoder encoder) {
        List<float[]> out = new ArrayList<>(texts.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float[] v = vectors.get(hash(texts.get(i)));
            out.add(v);
            if (v == null) {
                missing.add(i);
            }
        }
        List<float[]> encoded = missing.parallelStream()
                .map(i -> encoder.encodeAll(List.of(texts.get(i))).get(0)).toList();
        for (int j = 0; j < missing.size(); j++) {
            out.set(missing.get(j), encoded.get(j));
            put(texts.get(missing.get(j)), encoded.get(j));
        }
        return out;
    }

    public static VectorCache read(InputStream in) throws IOException {
        try (DataInputStream d = new DataInputStream(new GZIPInputStream(in))) {
            if (d.readInt() != MAGIC) {
                throw new IOException("not a vector cache");
            }
            int dim = d.readInt();
            int n = d.readInt();
            Map<Long, float[]> map = new HashMap<>(n * 2);
            byte[] q = new byte[dim];
            for (int i = 0; i < n; i++) {
                long key = d.readLong();
                float scale = d.readFloat();
                d.readFully(q);
                float[] v = new float[dim];
                for (int j = 0; j < dim; j++) {
                    v[j] = q[j] * scale;
                }
                map.put(key, Vectors.normalize(v));
            }
            return new VectorCache(dim, map);
        }
    }

    /** Writes only the vectors of {@code keep} (so removed examples leave the file). */
    public void write(OutputStream out, List<String> keep) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(new GZIPOutputStream(buffer))) {
            List<Long> keys = keep.stream().map(VectorCache::hash).distinct().filter(vectors::containsKey).sorted()
                    .toList();
            d.writeInt(MAGIC);
            d.writeInt(dimension);
            d.writeInt(keys.size());
            for (long key : keys) {
                float[] v = vectors.get(key);
                float max = 1e-9f;
                for (float x : v) {
                    max = Math.max(max, Math.abs(x));
                }
                float scale = max / 127f;
                d.writeLong(key);
                d.writeFloat(scale);
                for (float x : v) {
                    d.writeByte(Math.round(x / scale));
                }
            }
        }
        out.write(buffer.toByteArray());
    }

    /** FNV-1a over the UTF-8 bytes. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
