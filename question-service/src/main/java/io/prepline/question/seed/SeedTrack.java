package io.prepline.question.seed;

import java.util.List;

import io.prepline.question.tracks.TrackModels;

/** A learning track of the seed catalogue, naming its questions by slug in order. */
public record SeedTrack(String slug, String title, String description, List<String> questions) {

    TrackModels.TrackRequest toRequest() {
        return new TrackModels.TrackRequest(slug, title, description,
                questions.stream().map(q -> new TrackModels.ItemRef(q, null)).toList());
    }
}
