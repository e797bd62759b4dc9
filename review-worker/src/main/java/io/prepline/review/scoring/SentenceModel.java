package io.prepline.review.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
 * Runs on the calling thread (one intra-op thread, no spinning; the worker's threads give the parallelism). The int8
 * model quantises its activations over a whole run, so a text's vectors depend on the texts run with it: rubric texts
 * go one per run ({@link #encode}), their vectors a function of the text alone and cached; an answer's units go in
 * small batches formed from the answer alone ({@link #encodeTogether}), about a fifth cheaper, repeatable because the
 * same answer always forms the same batches, and never cached.
 */
public final class SentenceModel {

    /** Width of every vector. */
    public static final int DIMENSION = 384;
    /** Word pieces read per text, [CLS] and [SEP] included; units are cut to fit well before this. */
    static final int MAX_TOKENS = 128;
    private static final int CACHE_ENTRIES = 512;
    /** Texts per run in {@link #encodeTogether}. */
    static final int BATCH = 4;

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

    /**
     * The vectors of an answer's texts, read in batches formed from these texts alone: the distinct texts ordered by
     * length (then by text), {@value #BATCH} to a run. A batch costs less than its texts one by one (one pass over the
     * weights, less padding once sorted), but the int8 model quantises its activations over the whole batch, so a
     * text's vectors depend on its batch-mates: equal answers give equal vectors, equal sentences of two answers may
     * not. So these vectors bypass the text cache, which holds only single-run vectors.
     */
    public Map<String, Encoded> encodeTogether(Collection<String> texts) {
        List<String> distinct = new ArrayList<>(new TreeSet<>(texts));
        List<Encoding> encodings = new ArrayList<>(distinct.size());
        List<Integer> order = new ArrayList<>(distinct.size());
        for (String text : distinct) {
            order.add(encodings.size());
            encodings.add(tokenizer.encode(text));
        }
        order.sort(Comparator.comparingInt(i -> encodings.get(i).getIds().length)); // stable: ties keep text order
        Map<String, Encoded> out = new HashMap<>();
        for (int from = 0; from < order.size(); from += BATCH) {
            List<Integer> batch = order.subList(from, Math.min(order.size(), from + BATCH));
            List<Encoded> vectors = run(batch.stream().map(encodings::get).toList());
            for (int k = 0; k < batch.size(); k++) {
                out.put(distinct.get(batch.get(k)), vectors.get(k));
            }
        }
        return out;
    }

    private Encoded run(String text) {
        Encoding encoding = tokenizer.encode(text);
        return run(List.of(encoding)).getFirst();
    }

    /** One run of the session over {@code encodings} (padded to the longest), one {@link Encoded} per encoding. */
    private List<Encoded> run(List<Encoding> encodings) {
        int rows = encodings.size();
        int width = 0;
        for (Encoding e : encodings) {
            width = Math.max(width, e.getIds().length);
        }
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            long[] row = encodings.get(r).getIds();
            System.arraycopy(row, 0, ids, r * width, row.length);
            java.util.Arrays.fill(mask, r * width, r * width + row.length, 1);
        }
        long[] shape = {rows, width};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape)) {
            Map<String, OnnxTensor> inputs = tokenTypes
                    ? Map.of("input_ids", inputIds, "attention_mask", attention, "token_type_ids", types)
                    : Map.of("input_ids", inputIds, "attention_mask", attention);
            try (OrtSession.Result result = session.run(inputs)) {
                // one copy out of the native tensor, read in place: [rows, width, DIMENSION]
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                List<Encoded> out = new ArrayList<>(rows);
                for (int r = 0; r < rows; r++) {
                    out.add(encoded(hidden, r * width * DIMENSION, encodings.get(r)));
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model failed", e);
        }
    }

    /** The vectors of one text from its row of the model's output, which starts at {@code from}. */
    private static Encoded encoded(FloatBuffer hidden, int from, Encoding encoding) {
        int length = encoding.getIds().length;
        float[] mean = new float[DIMENSION];
        for (int i = 0; i < length * DIMENSION; i++) {
            mean[i % DIMENSION] += hidden.get(from + i);
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
        for (int i = 0; i < length; i++) {
            if (special[i] == 0) {
                tokens[t] = unit(hidden, from + i * DIMENSION);
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
        return unit(FloatBuffer.wrap(v), 0);
    }

    /** The unit-length copy of the {@link #DIMENSION} floats from {@code offset}. */
    private static float[] unit(FloatBuffer v, int offset) {
        double norm = 0;
        for (int i = 0; i < DIMENSION; i++) {
            float x = v.get(offset + i);
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[DIMENSION];
        if (norm == 0) {
            return out;
        }
        for (int i = 0; i < DIMENSION; i++) {
            out[i] = (float) (v.get(offset + i) / norm);
        }
        return out;
    }

    /**
     * Cosine of two unit-length vectors of {@link #DIMENSION} floats. Four running sums let the processor overlap the
     * additions (the matching phase computes hundreds of thousands of these per answer); the order is fixed, so the
     * result is the same every time.
     */
    public static double cosine(float[] a, float[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int i = 0; i < DIMENSION; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        return (s0 + s1) + (s2 + s3);
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
