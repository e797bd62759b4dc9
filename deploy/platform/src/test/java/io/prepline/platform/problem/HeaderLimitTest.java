package io.prepline.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class HeaderLimitTest {

    @Test
    void headersWithinTheLimitPass() {
        assertNull(HeaderLimit.refusal(List.of(Map.entry("Accept", "application/json"),
                Map.entry("Authorization", "Bearer " + "t".repeat(1_000))), 2_000));
        // "X-A: " counted as name, separator, value: 3 + 2 + 5 = 10
        assertNull(HeaderLimit.refusal(List.of(Map.entry("X-A", "12345")), 10));
    }

    @Test
    void headersOverTheLimitAre431NamingTheLargest() {
        Problem problem = HeaderLimit.refusal(List.of(Map.entry("Accept", "application/json"),
                Map.entry("If-Match", "\"" + "x".repeat(21_000) + "\""), Map.entry("X-Small", "y")), 20_480);
        assertEquals(431, problem.status());
        assertEquals("https://prepline.io/problems/request-headers-too-large", problem.type());
        assertEquals("If-Match", problem.errors().getFirst().field());
        assertEquals(1, problem.errors().size());
        assertEquals(431, HeaderLimit.refusal(List.of(Map.entry("X-A", "123456")), 10).status(), "one byte over");
    }

    @Test
    void manySmallHeadersCountTogether() {
        List<Map.Entry<String, String>> headers = IntStream.range(0, 100)
                .mapToObj(i -> Map.entry("X-H" + i, "v".repeat(100))).toList();
        assertEquals(431, HeaderLimit.refusal(headers, 10_000).status());
    }
}
