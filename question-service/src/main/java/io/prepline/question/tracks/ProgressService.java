package io.prepline.question.tracks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prepline.question.tracks.TrackModels.Progress;
import io.prepline.question.tracks.TrackModels.ProgressItem;
import io.prepline.question.tracks.TrackModels.ProgressList;
import io.prepline.question.tracks.TrackModels.TrackItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * A candidate's progress through tracks, from the decisions of answers.decided.v1 this service already keeps: an item
 * naming a whole question is solved when the candidate counts among its solvers (an approved answer to it or to any of
 * its parts, as on the question's page); an item naming a part, when an approved answer to that part stands.
 */
@ApplicationScoped
public class ProgressService {

    /** Items of active tracks (or of one) whose question is active, in order, with whether user ?1 solved each. */
    private static final String ITEMS = "SELECT t.id, t.slug, t.title, i.position, q.slug, q.title, i.part_number, "
            + "q.parts -> (i.part_number - 1) ->> 'title', CASE WHEN i.part_number IS NULL "
            + "THEN EXISTS (SELECT 1 FROM question_solver s WHERE s.question_id = i.question_id AND s.user_id = ?1) "
            + "ELSE EXISTS (SELECT 1 FROM processed_decision d WHERE d.question_id = i.question_id AND d.user_id = ?1 "
            + "AND d.part_number = i.part_number AND d.decision = 'APPROVED') END "
            + "FROM track t JOIN track_item i ON i.track_id = t.id JOIN question q ON q.id = i.question_id "
            + "WHERE q.status = 'ACTIVE' AND ";

    @Inject
    EntityManager em;
    @Inject
    TrackService tracks;

    /** Progress through one track (also a retired one), with the state of each item. */
    @Transactional
    public Progress progress(String slug, String user) {
        TrackEntity t = tracks.require(slug);
        List<Object[]> rows = em.createNativeQuery(ITEMS + "t.id = ?2 ORDER BY i.position")
                .setParameter(1, user).setParameter(2, t.id).getResultList();
        return progress(t.slug, t.title, rows, true);
    }

    /** Progress through every active track, by title. */
    @Transactional
    public ProgressList progressAll(String user) {
        List<Object[]> rows = em.createNativeQuery(ITEMS + "t.status = 'ACTIVE' ORDER BY t.title, t.id, i.position")
                .setParameter(1, user).getResultList();
        Map<UUID, List<Object[]>> byTrack = new LinkedHashMap<>();
        rows.forEach(r -> byTrack.computeIfAbsent((UUID) r[0], id -> new ArrayList<>()).add(r));
        return new ProgressList(byTrack.values().stream()
                .map(track -> progress((String) track.get(0)[1], (String) track.get(0)[2], track, false)).toList());
    }

    private static Progress progress(String slug, String title, List<Object[]> rows, boolean withItems) {
        int solved = 0;
        TrackItem next = null;
        List<ProgressItem> items = new ArrayList<>();
        for (Object[] r : rows) {
            int position = ((Number) r[3]).intValue();
            Integer part = r[6] == null ? null : ((Number) r[6]).intValue();
            boolean done = (Boolean) r[8];
            if (done) {
                solved++;
            } else if (next == null) {
                next = new TrackItem(position, (String) r[4], (String) r[5], part, (String) r[7]);
            }
            items.add(new ProgressItem(position, (String) r[4], part, done));
        }
        return new Progress(slug, title, solved, rows.size(), next, withItems ? items : null);
    }
}
