package io.prepline.question.catalogue;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A JSON catalogue to import in one transaction")
public record ImportRequest(@Schema(description = "Questions in the shape of the detail page, with optional rubrics")
                            List<QuestionDocument> questions) {
}
