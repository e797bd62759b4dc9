package io.prepline.review.preview;

import java.util.ArrayList;
import java.util.List;

import io.prepline.review.pipeline.CatalogueQuestion;
import io.prepline.review.pipeline.CatalogueQuestion.PartPayload;
import io.prepline.review.pipeline.CatalogueQuestion.RubricPayload;

/**
 * A question as an author's draft would publish it, for scoring one answer: the published question (or none, for a
 * question not published yet) with the draft rubric in place of the question's or the part's, and the draft's text of
 * the question when given. Draft rubrics have version 0, which no published rubric has.
 */
final class DraftQuestion {

    static final int DRAFT_VERSION = 0;

    private DraftQuestion() {
    }

    static CatalogueQuestion of(CatalogueQuestion published, Integer part, RubricPayload rubric, String prompt) {
        RubricPayload draft = new RubricPayload(DRAFT_VERSION, rubric.criteria());
        if (published == null) {
            return part == null ? question(null, null, prompt, draft, List.of())
                    : question(null, null, null, null, List.of(new PartPayload(part, null, prompt, draft)));
        }
        boolean newText = prompt != null;
        if (part == null) {
            return new CatalogueQuestion(published.id(), published.slug(), published.version(), published.status(),
                    newText ? null : published.title(), newText ? prompt : published.prompt(),
                    published.sampleAnswer(), draft, published.parts(), published.updatedAt());
        }
        List<PartPayload> parts = new ArrayList<>();
        boolean found = false;
        for (PartPayload p : published.parts() == null ? List.<PartPayload>of() : published.parts()) {
            if (p != null && part.equals(p.number())) {
                found = true;
                parts.add(new PartPayload(part, newText ? null : p.title(), newText ? prompt : p.prompt(), draft));
            } else {
                parts.add(p);
            }
        }
        if (!found && newText) {
            // a part the draft adds to the question
            parts.add(new PartPayload(part, null, prompt, draft));
        }
        return new CatalogueQuestion(published.id(), published.slug(), published.version(), published.status(),
                newText ? null : published.title(), newText ? null : published.prompt(), published.sampleAnswer(),
                published.rubric(), parts, published.updatedAt());
    }

    private static CatalogueQuestion question(String id, String slug, String prompt, RubricPayload rubric,
                                              List<PartPayload> parts) {
        return new CatalogueQuestion(id, slug, DRAFT_VERSION, null, null, prompt, null, rubric, parts, null);
    }
}
