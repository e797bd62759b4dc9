package io.prepline.platform.pg;

import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the service's JDBC datasource connects and as whom, for a connection the service opens itself, outside the
 * pool (a listener, a non-blocking client): the same database, the same login, the same server options.
 *
 * @param jdbcUrl       {@code quarkus.datasource.jdbc.url}
 * @param user          {@code quarkus.datasource.username}
 * @param password      {@code quarkus.datasource.password}
 * @param serverOptions {@code quarkus.datasource.jdbc.additional-jdbc-properties.options} ({@code -c name=value}, e.g.
 *                      the statement timeout)
 */
public record DatasourceLogin(String jdbcUrl, Optional<String> user, Optional<String> password,
                              Optional<String> serverOptions) {

    /** The datasource's settings as configured now. */
    public static DatasourceLogin configured() {
        Config config = ConfigProvider.getConfig();
        return new DatasourceLogin(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class),
                config.getOptionalValue("quarkus.datasource.jdbc.additional-jdbc-properties.options", String.class));
    }
}
