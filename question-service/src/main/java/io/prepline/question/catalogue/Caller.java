package io.prepline.question.catalogue;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the token's subject and roles, or anonymous. */
public record Caller(String userId, boolean candidate, boolean reviewer, boolean author, boolean admin) {

    public static final Caller ANONYMOUS = new Caller(null, false, false, false, false);

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        String user = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : identity.getPrincipal().getName();
        return new Caller(user, identity.hasRole("candidate"), identity.hasRole("reviewer"),
                identity.hasRole("author"), identity.hasRole("admin"));
    }

    public boolean anonymous() {
        return userId == null;
    }

    /** Reviewers, authors and admins always see full sample answers. */
    public boolean staff() {
        return reviewer || author || admin;
    }
}
