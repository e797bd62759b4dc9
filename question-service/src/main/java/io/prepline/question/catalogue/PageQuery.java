package io.prepline.question.catalogue;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.prepline.platform.pg.DatasourceLogin;
import io.prepline.question.QuestionConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads what the detail page shows of a question in one query: the row, the criteria of its current rubrics (key,
 * title, kind and weight only: the points stay in the database) and the titles of its related questions. Plain SQL
 * without a transaction: a page is read far more often than it changes, and three ORM queries in a transaction cost
 * several times the work of the lookup itself.
 * <p>
 * The read does not block: it goes through connections of its own ({@code question.page-reads}) to the datasource's
 * database, so a page not cached is read and answered on the I/O thread, without handing the request to a worker
 * thread and back. Each I/O thread has a client of its own, whose connection lives on that thread and pipelines the
 * reads of all its requests: the answer wakes no other thread, and the database serves a few busy connections instead
 * of many that each wait for one read. A database that cannot serve fails the read with an {@link SQLException} whose
 * SQLSTATE says so (08006 for a connection that fails or a read past {@code question.page-reads.timeout}), which the
 * API answers with 503 like any failure of the JDBC datasource.
 */
@ApplicationScoped
public class PageQuery {

    private static final String SQL = """
            SELECT q.id, q.slug, q.title, q.overview, q.body, q.category, q.difficulty, q.status, q.version,
                   q.asks::text, q.topics::text, q.guidance::text, q.sample_answer::text, q.parts::text,
                   q.likes_count, q.comments_count, q.solved_count, q.created_at, q.updated_at,
                   (SELECT jsonb_agg(jsonb_build_object('part', nullif(r.part_number, 0), 'key', c ->> 'key',
                                     'title', c ->> 'title', 'kind', c ->> 'kind', 'weight', c -> 'weight')
                                     ORDER BY r.part_number, c.n)
                      FROM (SELECT DISTINCT ON (v.part_number) v.part_number, v.criteria
                              FROM rubric_version v WHERE v.question_id = q.id
                             ORDER BY v.part_number, v.version DESC) r,
                           jsonb_array_elements(r.criteria) WITH ORDINALITY AS c(c, n))::text,
                   (SELECT jsonb_agg(jsonb_build_object('slug', o.slug, 'title', o.title, 'difficulty', o.difficulty,
                                     'asks', o.asks) ORDER BY rel.n)
                      FROM jsonb_array_elements_text(q.related_ids) WITH ORDINALITY AS rel(id, n)
                      JOIN question o ON o.id = rel.id::uuid)::text
              FROM question q WHERE q.slug = $1
            """;
    private static final String JDBC_PREFIX = "jdbc:";

    /** A question that {@code related_ids} names, with what its link shows. */
    record Linked(String slug, String title, Difficulty difficulty, List<QuestionDocument.Ask> asks) {
    }

    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper json;
    @Inject
    CatalogueService catalogue;
    @Inject
    QuestionConfig config;

    /** The pipelined client of each I/O thread, made on its first read there (its connections live on that thread). */
    private final Map<Thread, SqlClient> clientOfThread = new ConcurrentHashMap<>();
    private Supplier<SqlClient> newClient;
    /** For reads from other threads (a signed-in reader's page, on a worker thread). */
    private SqlClient otherThreads;
    private Duration timeout;
    private ObjectReader asks;
    private ObjectReader topics;
    private ObjectReader guidance;
    private ObjectReader sections;
    private ObjectReader parts;
    private ObjectReader criteria;
    private ObjectReader linked;

    @PostConstruct
    void connect() {
        timeout = config.pageReads().timeout();
        int millis = Math.toIntExact(timeout.toMillis());
        DatasourceLogin login = DatasourceLogin.configured();
        PgConnectOptions database = PgConnectOptions.fromUri(login.jdbcUrl().substring(JDBC_PREFIX.length()))
                .setConnectTimeout(millis)
                .setCachePreparedStatements(true)
                .addProperty("application_name", "question-service page reads");
        login.user().ifPresent(database::setUser);
        login.password().ifPresent(database::setPassword);
        // the JDBC datasource's server options (-c statement_timeout=...), sent the same way
        login.serverOptions().ifPresent(options -> database.addProperty("options", options));
        PoolOptions sizing = new PoolOptions().setMaxSize(config.pageReads().connectionsPerThread())
                .setConnectionTimeout(millis).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        newClient = () -> PgBuilder.client().with(sizing).connectingTo(database).using(vertx).build();
        otherThreads = newClient.get();
        asks = json.readerFor(new TypeReference<List<QuestionDocument.Ask>>() { });
        topics = json.readerFor(new TypeReference<List<String>>() { });
        guidance = json.readerFor(Guidance.class);
        sections = json.readerFor(new TypeReference<List<QuestionDocument.Section>>() { });
        parts = json.readerFor(new TypeReference<List<QuestionDocument.Part>>() { });
        criteria = json.readerFor(new TypeReference<List<QuestionDocument.JudgedBy>>() { });
        linked = json.readerFor(new TypeReference<List<Linked>>() { });
    }

    @PreDestroy
    void close() {
        otherThreads.close();
        clientOfThread.values().forEach(SqlClient::close);
    }

    /** The page of the question with this slug, as {@link CatalogueService#toDocument} makes it, or empty. */
    public Uni<Optional<QuestionDocument>> page(String slug) {
        return Uni.createFrom()
                .completionStage(() -> client().preparedQuery(SQL).execute(Tuple.of(slug)).toCompletionStage())
                .ifNoItem().after(timeout).failWith(() -> new SQLTransientConnectionException(
                        "the database did not answer within " + timeout, "08006"))
                .onFailure(failure -> !(failure instanceof SQLException)).transform(PageQuery::asSqlFailure)
                .map(this::document);
    }

    private SqlClient client() {
        if (!Context.isOnEventLoopThread()) {
            return otherThreads;
        }
        return clientOfThread.computeIfAbsent(Thread.currentThread(), thread -> newClient.get());
    }

    /** What the platform's failure mapping reads: the server's SQLSTATE, or a connection that failed (08006). */
    private static SQLException asSqlFailure(Throwable failure) {
        if (failure instanceof PgException pg) {
            return new SQLException(pg.getMessage(), pg.getSqlState(), pg);
        }
        return new SQLTransientConnectionException("reading from the database failed: " + failure, "08006", failure);
    }

    private Optional<QuestionDocument> document(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(document(rows.iterator().next()));
    }

    private QuestionDocument document(Row row) {
        QuestionEntity q = new QuestionEntity();
        q.id = row.getUUID(0);
        q.slug = row.getString(1);
        q.title = row.getString(2);
        q.overview = row.getString(3);
        q.body = row.getString(4);
        q.category = row.getString(5);
        q.difficulty = Difficulty.valueOf(row.getString(6));
        q.status = row.getString(7);
        q.version = row.getInteger(8);
        q.asks = read(asks, row.getString(9));
        q.topics = read(topics, row.getString(10));
        q.guidance = read(guidance, row.getString(11));
        q.sampleAnswer = read(sections, row.getString(12));
        q.parts = read(parts, row.getString(13));
        q.likesCount = row.getInteger(14);
        q.commentsCount = row.getInteger(15);
        q.solvedCount = row.getInteger(16);
        q.createdAt = row.getOffsetDateTime(17).toInstant();
        q.updatedAt = row.getOffsetDateTime(18).toInstant();
        List<QuestionDocument.JudgedBy> judgedBy = orEmpty(read(criteria, row.getString(19)));
        List<Linked> links = orEmpty(read(linked, row.getString(20)));
        List<QuestionDocument.RelatedRef> related = links.stream()
                .map(l -> new QuestionDocument.RelatedRef(l.slug(), l.title(), l.difficulty(),
                        l.asks().stream().map(QuestionDocument.Ask::company).distinct().toList()))
                .toList();
        return catalogue.toDocument(q, judgedBy, related);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> T read(ObjectReader reader, String text) {
        if (text == null) {
            return null;
        }
        try {
            return reader.readValue(text);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
