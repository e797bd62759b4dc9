package io.prepline.question.partners;

import io.prepline.platform.problem.ProblemResponses;
import io.prepline.platform.problem.ProblemType;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The refusals of {@link PartnerGate} in the OpenAPI document: it stands before every operation, so any of them can
 * answer a bad partner key with 401 or 403, and 429 past the anonymous reads limit or a key's plan.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class PartnerGateResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ProblemResponses.addEverywhere(openAPI, ProblemType.UNAUTHORIZED,
                "an unknown, revoked or expired partner key (X-Api-Key or key)");
        ProblemResponses.addEverywhere(openAPI, ProblemType.FORBIDDEN,
                "a partner key used for anything but reading the catalogue, or from an origin its partner does not"
                        + " allow");
        ProblemResponses.addEverywhere(openAPI, ProblemType.TOO_MANY_REQUESTS,
                "over the anonymous reads limit of the client address, or the limit of the key's plan (Retry-After"
                        + " and RateLimit-* headers)");
    }
}
