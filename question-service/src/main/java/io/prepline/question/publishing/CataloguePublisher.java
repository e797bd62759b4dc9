package io.prepline.question.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.question.QuestionConfig;
import io.prepline.question.catalogue.QuestionEntity;
import io.prepline.question.rubric.RubricService;
import io.prepline.question.rubric.RubricVersionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Records the current snapshot of a question in the outbox, inside the transaction that changed it. */
@ApplicationScoped
public class CataloguePublisher {

    public static final String EVENT_TYPE = "io.prepline.catalogue.question.v1";

    @Inject
    RubricService rubrics;
    @Inject
    ObjectMapper json;
    @Inject
    QuestionConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public void questionChanged(QuestionEntity question) {
        OutboxEventEntity event = new OutboxEventEntity();
        event.topic = config.topics().catalogue();
        event.recordKey = question.id.toString();
        event.eventType = EVENT_TYPE;
        try {
            event.payload = json.writeValueAsString(snapshot(question));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise question " + question.id, e);
        }
        event.createdAt = Instant.now();
        event.eventId = UUID.randomUUID();
        event.persist();
    }

    public CatalogueQuestionV1 snapshot(QuestionEntity q) {
        Map<Integer, RubricVersionEntity> current = rubrics.current(q.id);
        RubricVersionEntity whole = current.get(RubricService.WHOLE_QUESTION);
        List<CatalogueQuestionV1.Part> parts = q.parts.stream()
                .map(p -> new CatalogueQuestionV1.Part(p.number(), p.title(), p.prompt(),
                        current.containsKey(p.number()) ? current.get(p.number()).toRubric() : null))
                .toList();
        String sample = q.sampleAnswer == null ? null : q.sampleAnswer.stream()
                .map(s -> "## " + s.title() + "\n\n" + s.body()).collect(Collectors.joining("\n\n"));
        return new CatalogueQuestionV1(q.id, q.slug, q.version, q.status, q.title, q.body, q.category,
                q.difficulty.name(), sample, whole == null ? null : whole.toRubric(), parts, q.updatedAt);
    }
}
