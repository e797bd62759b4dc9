package io.prepline.review.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Sentence embeddings from the quantized all-MiniLM-L6-v2 model shipped inside the langchain4j jar (no download):
 * the same model file, tokenizer and mean pooling as {@link AllMiniLmL6V2QuantizedEmbeddingModel}, but an ONNX
 * session that runs each call on the calling thread (one intra-op thread, no spinning). The worker gets its
 * parallelism from its own threads; a per-call thread pool would only oversubscribe the cores.
 * <p>
 * One session per process (about 25 MB of weights plus buffers), shared by all threads: ONNX sessions are
 * thread-safe. One sentence per call, because batching pads sentences and shifts the quantized vectors.
 */
public final class SentenceEmbedder {

    private SentenceEmbedder() {
    }

    private static final class SingleThreadedMiniLm extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        SingleThreadedMiniLm() {
            super(Runnable::run);
            try {
                OrtEnvironment env = OrtEnvironment.getEnvironment();
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                OrtSession session = env.createSession(resource("all-minilm-l6-v2-q.onnx"), options);
                try (InputStream tokenizer = stream("all-minilm-l6-v2-q-tokenizer.json")) {
                    this.encoder = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
                }
            } catch (OrtException e) {
                throw new IllegalStateException("cannot load the sentence model", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
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

    private static final class Holder {
        static final SingleThreadedMiniLm MODEL = new SingleThreadedMiniLm();
    }

    /** A unit-length vector for one sentence. */
    public static float[] embed(String sentence) {
        float[] v = Holder.MODEL.embed(sentence).content().vector();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
