package io.prepline.question.tracks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.PostgresServer;
import io.quarkus.test.junit.QuarkusTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/** A database whose tracks were written before V9 keeps them, their questions in order, as track items. */
@QuarkusTest
class TrackMigrationTest {

    @Test
    void tracksOfAnOlderDatabaseBecomeItemsInTheirOrder() throws SQLException {
        String database = "track_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = connect("questions"); Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + database);
        }
        String url = DevStack.shared().jdbcUrl(database);
        flyway(url).target("6").load().migrate();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID track = UUID.randomUUID();
        try (Connection db = connect(database); Statement sql = db.createStatement()) {
            for (UUID id : List.of(first, second)) {
                sql.execute("INSERT INTO question (id, slug, title, overview, body, category, category_slug, difficulty, "
                        + "version, asks, ask_keys, topics, topic_slugs, guidance, parts, related_ids, created_at, "
                        + "updated_at) VALUES ('" + id + "', 'q-" + id + "', 'T', 'O', 'B', 'C', 'c', 'EASY', 1, '[]', "
                        + "'[]', '[]', '[]', '{}', '[]', '[]', now(), now())");
            }
            sql.execute("INSERT INTO track (id, slug, title, description, question_ids) VALUES ('" + track
                    + "', 'old-track', 'Old track', 'Written before V9', '[\"" + second + "\", \"" + first + "\"]')");
        }
        flyway(url).load().migrate();
        try (Connection db = connect(database); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("SELECT i.position, i.question_id, i.part_number, t.status, t.version "
                     + "FROM track_item i JOIN track t ON t.id = i.track_id ORDER BY i.position")) {
            List<String> items = new ArrayList<>();
            while (rs.next()) {
                items.add(rs.getInt(1) + ":" + rs.getObject(2) + ":" + rs.getObject(3) + ":" + rs.getString(4) + ":"
                        + rs.getInt(5));
            }
            assertEquals(List.of("1:" + second + ":null:ACTIVE:1", "2:" + first + ":null:ACTIVE:1"), items);
        }
    }

    private static FluentConfiguration flyway(String url) {
        return Flyway.configure().dataSource(url, PostgresServer.USER, "").locations("classpath:db/migration");
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(DevStack.shared().jdbcUrl(database), PostgresServer.USER, "");
    }
}
