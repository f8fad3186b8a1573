package org.hotline81890.directory.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class VectorCacheTest {
    @Test
    void vectorsSurviveTheInt8RoundTripWithinAHundredthOfCosine() throws Exception {
        Random random = new Random(7);
        float[] v = new float[512];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        Vectors.normalize(v);
        VectorCache cache = VectorCache.empty(512);
        cache.put("空调不制冷", v);
        cache.put("removed example", v);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cache.write(out, List.of("空调不制冷"));
        VectorCache read = VectorCache.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.size()).isEqualTo(1);
        assertThat(read.find("removed example")).isEmpty();
        assertThat(Vectors.dot(read.find("空调不制冷").orElseThrow(), v)).isGreaterThan(0.99f);
    }
}
