package io.prepline.question.search;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.question.search.SearchModels.Highlights;
import org.apache.lucene.util.BytesRef;

/**
 * A page of the list ({@code SearchModels.Page}) written from the questions' JSON as the index stores it: each item's
 * bytes are copied, with the search's rank and highlights added at its end, so a page costs no object mapping.
 * <ul>
 * <li>The page is written once, into an array of its exact size (a growing buffer and its final copy were most of
 * what a list request allocated).</li>
 * <li>The few strings a page adds (highlights, the cursor) are quoted by Jackson's encoder, or by the mapper itself
 * when they hold a character beyond 16 bits (the mapper escapes its two halves, the encoder would not).</li>
 * </ul>
 */
final class PageJson {

    private static final byte[] START = ascii("{\"items\":[");
    private static final JsonStringEncoder QUOTED = JsonStringEncoder.getInstance();

    private final ObjectMapper json;
    private final List<BytesRef> summaries = new ArrayList<>();
    /** What follows each summary's fields: its rank and highlights (a search), or null (a list). */
    private final List<byte[]> searchFields = new ArrayList<>();

    PageJson(ObjectMapper json) {
        this.json = json;
    }

    /** Adds a question; with a rank (a search) also its rank and its matching words. */
    void item(BytesRef summary, Float rank, Highlights highlights) {
        summaries.add(summary);
        searchFields.add(rank == null ? null : searchFields(rank, highlights));
    }

    byte[] finish(String nextCursor, long total) {
        byte[] end = end(nextCursor, total);
        int size = START.length + Math.max(0, summaries.size() - 1) + end.length;
        for (int i = 0; i < summaries.size(); i++) {
            byte[] fields = searchFields.get(i);
            size += summaries.get(i).length + (fields == null ? 0 : fields.length);
        }
        byte[] page = new byte[size];
        int at = put(page, 0, START);
        for (int i = 0; i < summaries.size(); i++) {
            if (i > 0) {
                page[at++] = ',';
            }
            BytesRef summary = summaries.get(i);
            byte[] fields = searchFields.get(i);
            if (fields == null) {
                System.arraycopy(summary.bytes, summary.offset, page, at, summary.length);
                at += summary.length;
                continue;
            }
            System.arraycopy(summary.bytes, summary.offset, page, at, summary.length - 1); // without its closing brace
            at = put(page, at + summary.length - 1, fields);
            page[at++] = '}';
        }
        put(page, at, end);
        return page;
    }

    /** The rank, and the highlights as Jackson writes the record: its fields in order, no snippet when there is none (NON_NULL). */
    private byte[] searchFields(float rank, Highlights highlights) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(ascii(",\"rank\":" + rank));
        if (highlights != null) {
            out.writeBytes(ascii(",\"highlights\":{\"title\":"));
            out.writeBytes(quoted(highlights.title()));
            if (highlights.snippet() != null) {
                out.writeBytes(ascii(",\"snippet\":"));
                out.writeBytes(quoted(highlights.snippet()));
            }
            out.write('}');
        }
        return out.toByteArray();
    }

    private byte[] end(String nextCursor, long total) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.writeBytes(ascii("],\"nextCursor\":"));
        out.writeBytes(nextCursor == null ? ascii("null") : quoted(nextCursor));
        out.writeBytes(ascii(",\"total\":" + total + "}"));
        return out.toByteArray();
    }

    private byte[] quoted(String text) {
        if (beyond16Bits(text)) {
            try {
                return json.writeValueAsBytes(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write " + text, e);
            }
        }
        byte[] inner = QUOTED.quoteAsUTF8(text);
        byte[] quoted = new byte[inner.length + 2];
        quoted[0] = '"';
        System.arraycopy(inner, 0, quoted, 1, inner.length);
        quoted[quoted.length - 1] = '"';
        return quoted;
    }

    private static boolean beyond16Bits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int put(byte[] page, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, page, at, bytes.length);
        return at + bytes.length;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
