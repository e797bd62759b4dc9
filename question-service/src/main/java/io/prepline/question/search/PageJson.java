package io.prepline.question.search;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.question.search.SearchModels.Highlights;
import org.apache.lucene.util.BytesRef;

/**
 * A page of the list ({@code SearchModels.Page}) written from the questions' JSON as the index stores it: each item's
 * bytes are copied, with the search's rank and highlights added at its end, so a page costs no object mapping.
 */
final class PageJson {

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
            ascii(",\"highlights\":");
            out.writeBytes(write(highlights));
        }
        out.write('}');
    }

    byte[] finish(String nextCursor, long total) {
        ascii("],\"nextCursor\":");
        out.writeBytes(write(nextCursor));
        ascii(",\"total\":" + total + "}");
        return out.toByteArray();
    }

    private void ascii(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }
}
