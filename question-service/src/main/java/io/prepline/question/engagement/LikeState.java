package io.prepline.question.engagement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The caller's like and the question's like count")
public record LikeState(@Schema(examples = "true") boolean liked, @Schema(examples = "184") int likes) {
}
