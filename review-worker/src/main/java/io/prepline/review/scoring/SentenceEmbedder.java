package io.prepline.review.scoring;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Sentence embeddings from the quantized all-MiniLM-L6-v2 model shipped inside its jar (no download). One model per
 * process: it holds the ONNX session (about 25 MB of weights plus runtime buffers), which is thread-safe.
 * One sentence per call, because batching pads sentences and shifts the quantized vectors: results must repeat.
 */
final class SentenceEmbedder {

    private SentenceEmbedder() {
    }

    private static final class Holder {
        static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    /** A unit-length vector for one sentence. */
    static float[] embed(String sentence) {
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
