package io.prepline.question.search;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.question.search.SearchModels.Highlights;
import org.apache.lucene.util.BytesRef;

/**
 * A page of the list ({@code SearchModels.Page}) written from the questions' JSON as the index stores it: each item's
 * bytes are copied, with the search's rank and highlights added at its end, so a page costs no object mapping. The few
 * strings a page adds (highlights, the cursor) are quoted by Jackson's encoder, or by the mapper itself when they hold
 * a character beyond 16 bits (the mapper escapes its two halves, the encoder would not).
 */
final class PageJson {

    private static final JsonStringEncoder QUOTED = JsonStringEncoder.getInstance();

    private final ObjectMapper json;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    private boolean first = true;

    PageJson(ObjectMapper json) {
        this.json = json;
        ascii("{\"items\":[");
    }

    /** Adds a question; with a rank (a search) also its rank and its matching words. */
    void item(BytesRef summary, Float rank, Highlights highlights) {
        if (!first) {
            out.write(',');
        }
        first = false;
        if (rank == null) {
            out.write(summary.bytes, summary.offset, summary.length);
            return;
        }
        out.write(summary.bytes, summary.offset, summary.length - 1); // without its closing brace
        ascii(",\"rank\":" + rank);
        if (highlights != null) {
            // as Jackson writes the record: its fields in order, a snippet absent when there is none (NON_NULL)
            ascii(",\"highlights\":{\"title\":");
            string(highlights.title());
            if (highlights.snippet() != null) {
                ascii(",\"snippet\":");
                string(highlights.snippet());
            }
            out.write('}');
        }
        out.write('}');
    }

    byte[] finish(String nextCursor, long total) {
        ascii("],\"nextCursor\":");
        if (nextCursor == null) {
            ascii("null");
        } else {
            string(nextCursor);
        }
        ascii(",\"total\":" + total + "}");
        return out.toByteArray();
    }

    private void ascii(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private void string(String text) {
        if (beyond16Bits(text)) {
            try {
                out.writeBytes(json.writeValueAsBytes(text));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write " + text, e);
            }
            return;
        }
        out.write('"');
        out.writeBytes(QUOTED.quoteAsUTF8(text));
        out.write('"');
    }

    private static boolean beyond16Bits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
