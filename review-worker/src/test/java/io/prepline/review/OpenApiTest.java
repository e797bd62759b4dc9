package io.prepline.review;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    /** Clients name their methods after the operationIds: renaming one breaks them like removing the operation. */
    @Test
    void theScorePreviewIsPreviewScoreAndNamesItsRolesOutsideTheScopes() {
        String operation = "paths.'/api/v1/score-preview'.post";
        given().baseUri(TestHTTPResourceManager.getManagementUri()).accept("application/json").when().get("/openapi").then().statusCode(200)
                .body(operation + ".operationId", is("previewScore"))
                .body(operation + ".security[0].SecurityScheme.size()", is(0))
                .body(operation + ".responses.'403'.content.'application/problem+json'.schema.'$ref'",
                        is("#/components/schemas/Problem"))
                .body(operation + ".description", endsWith("Roles: author, reviewer, admin."))
                .body("paths.size()", is(1));
    }
}
