package io.prepline.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.prepline.devstack.PostgresServer;

/** Read-only queries against one service's database, a connection per query (they are few). */
final class Database {

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final String jdbcUrl;

    Database(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Rows of {@code sql}; a {@code String[]} parameter becomes a {@code text[]} (for {@code = ANY(?)}). */
    <T> List<T> query(String sql, Row<T> row, Object... parameters) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, "");
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                statement.setObject(i + 1, p instanceof String[] array ? c.createArrayOf("text", array) : p);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed on " + jdbcUrl + ": " + sql, e);
        }
    }

    long count(String sql, Object... parameters) {
        return query(sql, rs -> rs.getLong(1), parameters).getFirst();
    }
}
