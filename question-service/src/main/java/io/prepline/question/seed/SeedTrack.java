package io.prepline.question.seed;

import java.util.List;

/** A learning track of the seed catalogue, naming its questions by slug in order. */
public record SeedTrack(String slug, String title, String description, List<String> questions) {
}
