package io.prepline.conformance;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Installs {@link OpenApiConformance} before each {@code @QuarkusTest} method of a service that has this test jar
 * (registered in {@code META-INF/services}), in the class loader the test's REST Assured calls run in.
 */
public class OpenApiConformanceCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        OpenApiConformance.install(TestHTTPResourceManager.getManagementUri());
    }
}
