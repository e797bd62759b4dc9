package io.prepline.question.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.prepline.question.search.SearchModels.Count;
import org.junit.jupiter.api.Test;

/** Autocomplete's companies and topics: values with a word starting with what was typed, most asked first. */
class NameCompletionsTest {

    private static final List<Count> COMPANIES = List.of(
            new Count("Amazon", "amazon", 40),
            new Count("One Medical", "one-medical", 30),
            new Count("Capital One", "capital-one", 20),
            new Count("Capitol Records", "capitol-records", 10),
            new Count("Medallion One", "medallion-one", 5));

    private static List<String> complete(String typedSlug, int limit) {
        return new NameCompletions(COMPANIES).complete(typedSlug, limit).stream().map(Count::slug).toList();
    }

    @Test
    void anyWordOfTheValueMayStartIt() {
        assertEquals(List.of("capital-one", "capitol-records"), complete("cap", 5));
        assertEquals(List.of("capital-one"), complete("capital-o", 5), "typed past the first word");
        assertEquals(List.of("one-medical", "capital-one", "medallion-one"), complete("one", 5));
        assertEquals(List.of("one-medical", "medallion-one"), complete("med", 5), "each value once, in its place");
        assertEquals(List.of(), complete("zon", 5), "inside a word is not a start");
        assertEquals(List.of(), complete("records-x", 5));
    }

    @Test
    void theMostAskedComeFirstUpToTheLimit() {
        assertEquals(List.of("capital-one"), complete("c", 1));
        assertEquals(List.of("one-medical", "capital-one"), complete("o", 2));
        assertEquals(List.of("amazon"), complete("amazon", 1));
        assertEquals(List.of(), new NameCompletions(List.of()).complete("a", 5));
    }
}
