package io.prepline.question.me;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prepline.platform.http.CursorToken;
import io.prepline.question.catalogue.RenderedQuestion;
import io.prepline.question.me.MeModels.LikedQuestion;
import io.prepline.question.me.MeModels.LikesPage;
import io.prepline.question.me.MeModels.Marks;
import io.prepline.question.search.SearchModels.QuestionSummary;
import io.prepline.question.search.SearchService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A signed-in user's own state on questions: whether they like and solved each question of a page, and their likes.
 * Pages stay cached once for everyone; the marks of a user are read with one indexed query per page (the primary keys
 * of question_like and question_solver) and laid over a copy of the cached bytes.
 */
@ApplicationScoped
public class MyState {

    private static final String MARKS = "SELECT q.id, "
            + "EXISTS (SELECT 1 FROM question_like l WHERE l.question_id = q.id AND l.user_id = ?), "
            + "EXISTS (SELECT 1 FROM question_solver s WHERE s.question_id = q.id AND s.user_id = ?) FROM question q WHERE ";
    private static final String LIKES = "likes";

    @Inject
    ObjectMapper json;
    @Inject
    SearchService search;

    /** The cached page with the user's marks added, under an ETag of its own (the same content version). */
    public RenderedQuestion detail(RenderedQuestion page, String user) {
        Marks marks = query(MARKS + "q.slug = ?", List.<Object>of(user, user, page.slug())).values().stream().findFirst()
                .orElse(new Marks(false, false));
        byte[] me = (",\"me\":{\"liked\":" + marks.liked() + ",\"solved\":" + marks.solved() + "}}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] shared = page.json();
        // the page is one JSON object: its last byte is the closing brace
        byte[] marked = new byte[shared.length - 1 + me.length];
        System.arraycopy(shared, 0, marked, 0, shared.length - 1);
        System.arraycopy(me, 0, marked, shared.length - 1, me.length);
        String tag = page.etag().substring(0, page.etag().length() - 1) + ".m" + bit(marks.liked()) + bit(marks.solved())
                + "\"";
        return new RenderedQuestion(page.slug(), marked, tag);
    }

    /** A cached list or search page with the user's marks on each item. */
    public byte[] page(byte[] page, String user) {
        try {
            JsonNode tree = json.readTree(page);
            List<UUID> ids = new ArrayList<>();
            tree.get("items").forEach(item -> ids.add(UUID.fromString(item.get("id").asText())));
            if (ids.isEmpty()) {
                return page;
            }
            Map<UUID, Marks> marks = query(MARKS + "q.id = ANY (?)", List.<Object>of(user, user, ids.toArray(UUID[]::new)));
            tree.get("items").forEach(item -> ((ObjectNode) item).putPOJO("me",
                    marks.getOrDefault(UUID.fromString(item.get("id").asText()), new Marks(false, false))));
            return json.writeValueAsBytes(tree);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a cached page is not readable JSON", e);
        }
    }

    /** The user's likes, most recent first; the cursor is the time and question of the last like of a page. */
    public LikesPage likes(String user, int limit, String cursor) {
        List<Object> params = new ArrayList<>(List.of(user));
        String after = "";
        if (cursor != null) {
            CursorToken token = CursorToken.decode(cursor, 3);
            if (!token.text(0).equals(LIKES)) {
                throw CursorToken.foreign("another list");
            }
            after = " AND (created_at, question_id) < (?, ?)";
            params.add(token.instant(1).atOffset(ZoneOffset.UTC));
            params.add(token.uuid(2));
        }
        params.add(limit + 1);
        Map<UUID, Instant> liked = new LinkedHashMap<>();
        search.query("SELECT question_id, created_at FROM question_like WHERE user_id = ?" + after
                + " ORDER BY created_at DESC, question_id DESC LIMIT ?", params, rs -> {
            while (rs.next()) {
                liked.put(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant());
            }
            return liked;
        });
        List<UUID> ids = new ArrayList<>(liked.keySet());
        String next = null;
        if (ids.size() > limit) {
            ids = ids.subList(0, limit);
            UUID last = ids.get(limit - 1);
            next = CursorToken.encode(LIKES, liked.get(last), last);
        }
        List<LikedQuestion> items = new ArrayList<>();
        for (QuestionSummary summary : search.summaries(ids)) {
            items.add(new LikedQuestion(liked.get(summary.id()), summary));
        }
        return new LikesPage(items, next);
    }

    private Map<UUID, Marks> query(String sql, List<Object> params) {
        Map<UUID, Marks> marks = new HashMap<>();
        return search.query(sql, params, rs -> {
            while (rs.next()) {
                marks.put(rs.getObject(1, UUID.class), new Marks(rs.getBoolean(2), rs.getBoolean(3)));
            }
            return marks;
        });
    }

    private static char bit(boolean value) {
        return value ? '1' : '0';
    }
}
