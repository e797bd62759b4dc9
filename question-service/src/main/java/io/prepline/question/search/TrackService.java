package io.prepline.question.search;

import java.util.List;

import io.prepline.question.catalogue.TrackEntity;
import io.prepline.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class TrackService {

    @Inject
    SearchService search;

    public SearchModels.TrackList tracks() {
        List<TrackEntity> tracks = TrackEntity.listAll(io.quarkus.panache.common.Sort.by("title"));
        return new SearchModels.TrackList(tracks.stream()
                .map(t -> new SearchModels.TrackSummary(t.slug, t.title, t.description, t.questionIds.size())).toList());
    }

    public SearchModels.Track track(String slug) {
        TrackEntity t = TrackEntity.find("slug", slug).firstResult();
        if (t == null) {
            throw ProblemException.notFound("no track with slug '" + slug + "'");
        }
        return new SearchModels.Track(t.slug, t.title, t.description, search.summaries(t.questionIds));
    }
}
