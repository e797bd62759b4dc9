package io.prepline.review.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The sentence model: the quantized all-MiniLM-L6-v2 shipped inside the langchain4j jar (no download), read through
 * its own tokenizer and ONNX session so that both the sentence vector (mean pooling, as the model was trained) and
 * the contextual vector of every word piece come out of one run.
 * <p>
 * One text per run, on the calling thread (one intra-op thread, no spinning; the worker's threads give the
 * parallelism). A batch would be cheaper by about a seventh, but the int8 model quantises its activations over the
 * whole batch, so a text's vectors would depend on the texts beside it; one text per run keeps a text's vectors a
 * function of the text alone, which is what makes results repeatable and the text cache exact.
 */
public final class SentenceModel {

    /** Width of every vector. */
    public static final int DIMENSION = 384;
    /** Word pieces read per text, [CLS] and [SEP] included; units are cut to fit well before this. */
    static final int MAX_TOKENS = 128;
    private static final int CACHE_ENTRIES = 512;

    /**
     * A text as the model read it.
     *
     * @param sentence unit-length mean of the token vectors (the sentence embedding)
     * @param tokens   unit-length vector of each word piece, without [CLS] and [SEP]
     * @param words    for each word piece, the lower-case word it belongs to (pieces joined)
     */
    public record Encoded(float[] sentence, float[][] tokens, String[] words) {
    }

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean tokenTypes;
    private final Map<String, Encoded> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Encoded> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    private SentenceModel() {
        try {
            environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = environment.createSession(resource("all-minilm-l6-v2-q.onnx"), options);
            tokenTypes = session.getInputNames().contains("token_type_ids");
            try (InputStream in = stream("all-minilm-l6-v2-q-tokenizer.json")) {
                tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "true",
                        "maxLength", Integer.toString(MAX_TOKENS)));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the sentence model", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Holder {
        static final SentenceModel MODEL = new SentenceModel();
    }

    /** The one model of the process (about 25 MB of weights); thread-safe. */
    public static SentenceModel get() {
        return Holder.MODEL;
    }

    /** The text's vectors; equal texts give equal vectors (a bounded cache keeps recent ones). */
    public Encoded encode(String text) {
        synchronized (cache) {
            Encoded hit = cache.get(text);
            if (hit != null) {
                return hit;
            }
        }
        Encoded encoded = run(text);
        synchronized (cache) {
            cache.put(text, encoded);
        }
        return encoded;
    }

    private Encoded run(String text) {
        Encoding encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        long[] shape = {1, ids.length};
        long[] mask = new long[ids.length];
        java.util.Arrays.fill(mask, 1);
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape)) {
            Map<String, OnnxTensor> inputs = tokenTypes
                    ? Map.of("input_ids", inputIds, "attention_mask", attention, "token_type_ids", types)
                    : Map.of("input_ids", inputIds, "attention_mask", attention);
            try (OrtSession.Result result = session.run(inputs)) {
                float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
                return encoded(hidden, encoding);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model failed", e);
        }
    }

    private static Encoded encoded(float[][] hidden, Encoding encoding) {
        float[] mean = new float[DIMENSION];
        for (float[] token : hidden) {
            for (int k = 0; k < DIMENSION; k++) {
                mean[k] += token[k];
            }
        }
        long[] special = encoding.getSpecialTokenMask();
        String[] pieces = encoding.getTokens();
        long[] wordIds = encoding.getWordIds();
        int count = 0;
        for (long s : special) {
            count += s == 0 ? 1 : 0;
        }
        float[][] tokens = new float[count][];
        String[] words = new String[count];
        int t = 0;
        for (int i = 0; i < hidden.length; i++) {
            if (special[i] == 0) {
                tokens[t] = unit(hidden[i]);
                words[t] = word(pieces, wordIds, i);
                t++;
            }
        }
        return new Encoded(unit(mean), tokens, words);
    }

    /** The whole word a piece belongs to: adjacent pieces with the same word id, "##" removed. */
    private static String word(String[] pieces, long[] wordIds, int i) {
        int from = i;
        while (from > 0 && wordIds[from - 1] == wordIds[i]) {
            from--;
        }
        StringBuilder sb = new StringBuilder();
        for (int j = from; j < pieces.length && wordIds[j] == wordIds[i]; j++) {
            sb.append(pieces[j].startsWith("##") ? pieces[j].substring(2) : pieces[j]);
        }
        return sb.toString();
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        if (norm == 0) {
            return out;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    /** Cosine of two unit-length vectors. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream stream(String name) {
        // the model files sit at the root of the langchain4j model jar
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("model resource " + name + " is not on the class path");
        }
        return in;
    }
}
