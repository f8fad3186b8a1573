package org.hotline81890.directory.semantic;

import java.util.ArrayList;
import java.util.List;

import org.hotline81890.directory.LabelledExample;

/**
 * Labelled examples with their sentence vectors, searched by similarity. Adding is copy-on-write (rare: a confirmed
 * correction), reading takes no lock; one search compares the query with every example (about 5,000 dot products
 * of 512 floats, well under a millisecond).
 */
public final class ExampleMemory {
    private volatile Snapshot snapshot;
    private final int dimension;

    public ExampleMemory(int dimension) {
        this.dimension = dimension;
        this.snapshot = new Snapshot(List.of(), new float[0]);
    }

    public int dimension() {
        return dimension;
    }

    public int size() {
        return snapshot.examples.size();
    }

    public List<LabelledExample> examples() {
        return snapshot.examples;
    }

    public synchronized void addAll(List<LabelledExample> examples, List<float[]> vectors) {
        if (examples.size() != vectors.size()) {
            throw new IllegalArgumentException("one vector per example");
        }
        Snapshot old = snapshot;
        float[] data = java.util.Arrays.copyOf(old.data, old.data.length + examples.size() * dimension);
        for (int i = 0; i < vectors.size(); i++) {
            if (vectors.get(i).length != dimension) {
                throw new IllegalArgumentException("vector of " + vectors.get(i).length + " floats, expected "
                        + dimension);
            }
            System.arraycopy(vectors.get(i), 0, data, old.data.length + i * dimension, dimension);
        }
        List<LabelledExample> all = new ArrayList<>(old.examples);
        all.addAll(examples);
        snapshot = new Snapshot(List.copyOf(all), data);
    }

    public void add(LabelledExample example, float[] vector) {
        addAll(List.of(example), List.of(vector));
    }

    /** The similarity of the query to every example, in the order of {@link #examples()}. */
    public Similarities similarities(float[] query) {
        return similarities(query, snapshot);
    }

    private Similarities similarities(float[] query, Snapshot s0) {
        Snapshot s = s0;
        int n = s.examples.size();
        float[] sims = new float[n];
        float[] data = s.data;
        for (int e = 0; e < n; e++) {
            sims[e] = dot(query, data, e * dimension);
        }
        return new Similarities(s.examples, sims);
    }

    /** The vector stored for example {@code i} (a copy). */
    public float[] vector(int i) {
        Snapshot s = snapshot;
        return java.util.Arrays.copyOfRange(s.data, i * dimension, (i + 1) * dimension);
    }

    private static float dot(float[] q, float[] data, int off) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < q.length; i += 4) {
            s0 += q[i] * data[off + i];
            s1 += q[i + 1] * data[off + i + 1];
            s2 += q[i + 2] * data[off + i + 2];
            s3 += q[i + 3] * data[off + i + 3];
        }
        for (; i < q.length; i++) {
            s0 += q[i] * data[off + i];
        }
        return s0 + s1 + s2 + s3;
    }

    /** One query's similarity to each example of a snapshot. */
    public record Similarities(List<LabelledExample> examples, float[] values) {
    }

    private record Snapshot(List<LabelledExample> examples, float[] data) {
    }
}
