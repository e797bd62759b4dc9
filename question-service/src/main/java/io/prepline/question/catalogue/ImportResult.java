package io.prepline.question.catalogue;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What an import created")
public record ImportResult(@Schema(examples = "2") int imported, List<Created> questions) {

    public record Created(UUID id, @Schema(examples = "explain-model-pruning-and-its-applications-amazon") String slug,
                          @Schema(examples = "/api/v1/questions/explain-model-pruning-and-its-applications-amazon")
                          String location) {
    }
}
