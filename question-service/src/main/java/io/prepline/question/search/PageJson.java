package io.prepline.question.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.question.search.SearchModels.Highlights;
import org.apache.lucene.util.BytesRef;

/**
 * A page of the list ({@code SearchModels.Page}) written from the questions' JSON as the index stores it: each item's
 * bytes are copied, with the search's rank and highlights added at its end, so a page costs no object mapping. The
 * page is written once, into an array of its exact size (a growing buffer and its final copy were most of what a list
 * request allocated).
 */
final class PageJson {

    private static final byte[] START = ascii("{\"items\":[");

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
        if (rank == null) {
            searchFields.add(null);
            return;
        }
        String fields = ",\"rank\":" + rank;
        searchFields.add(highlights == null ? ascii(fields)
                : concat(ascii(fields + ",\"highlights\":"), write(highlights)));
    }

    byte[] finish(String nextCursor, long total) {
        byte[] end = concat(concat(ascii("],\"nextCursor\":"), write(nextCursor)), ascii(",\"total\":" + total + "}"));
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

    private static int put(byte[] page, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, page, at, bytes.length);
        return at + bytes.length;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }
}
