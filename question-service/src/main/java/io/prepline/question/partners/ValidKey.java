package io.prepline.question.partners;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A key that is neither revoked nor expired, with what its partner allows. */
public record ValidKey(String id, KeyKind kind, UUID partnerId, String plan, Set<String> origins, byte[] hash,
                       Instant expiresAt) {

    public boolean secret() {
        return kind == KeyKind.SECRET;
    }

    boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    /** The rate-limit policy of the partner's plan ({@code prepline.rate-limit.policies.plan-<plan>}). */
    public String policy() {
        return PartnerModels.planPolicy(plan);
    }
}
