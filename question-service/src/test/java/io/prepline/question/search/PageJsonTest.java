package io.prepline.question.search;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.question.search.SearchModels.Highlights;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A page's highlights and cursor, quoted into it directly, are the bytes Jackson writes for them. */
class PageJsonTest {

    private static final String LETTERS = "ab <>&\"'\\/\n\t\r\u0001\u001f\u007f…é😀\u2028<mark></mark>";

    @Test
    void highlightsAndCursorAsJacksonWritesThem() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(5);
        for (int n = 0; n < 20_000; n++) {
            Highlights highlights = new Highlights(text(random, LETTERS), random.nextInt(3) == 0 ? null : text(random, LETTERS));
            String cursor = random.nextBoolean() ? null : text(random, "abcXYZ-_019");
            PageJson page = new PageJson(json);
            page.item(new BytesRef("{\"slug\":\"q\"}"), 1.5f, highlights);
            String expected = "{\"items\":[{\"slug\":\"q\",\"rank\":1.5,\"highlights\":" + written(json, highlights)
                    + "}],\"nextCursor\":" + written(json, cursor) + ",\"total\":7}";
            assertEquals(expected, new String(page.finish(cursor, 7), StandardCharsets.UTF_8));
        }
    }

    private static String written(ObjectMapper json, Object value) throws Exception {
        return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
    }

    private static String text(Random random, String letters) {
        int[] codePoints = letters.codePoints().toArray();
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(30); i > 0; i--) {
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return text.toString();
    }
}
