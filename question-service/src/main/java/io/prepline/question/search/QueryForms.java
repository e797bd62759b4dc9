package io.prepline.question.search;

import java.util.function.UnaryOperator;

import org.apache.lucene.search.Query;

/**
 * One search in two forms that match the same questions: {@code scored} ranks them, {@code matching} scores nothing
 * and is cheaper (what counts and facets run).
 */
record QueryForms(Query scored, Query matching) {

    /** A query that has no cheaper form: it serves as both. */
    static QueryForms both(Query query) {
        return new QueryForms(query, query);
    }

    /** Both forms, each wrapped the same way. */
    QueryForms map(UnaryOperator<Query> wrap) {
        return new QueryForms(wrap.apply(scored), wrap.apply(matching));
    }
}
