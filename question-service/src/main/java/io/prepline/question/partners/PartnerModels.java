package io.prepline.question.partners;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of the partner administration. */
public final class PartnerModels {

    private PartnerModels() {
    }

    static String planPolicy(String plan) {
        return "plan-" + plan;
    }

    @Schema(description = "A partner platform as an admin writes it")
    public record PartnerRequest(
            @NotBlank @Size(max = 100) @Schema(examples = "Interview Club") String name,
            @NotNull @Schema(description = "Origins (scheme, host and port) whose pages may use the partner's "
                    + "publishable keys and frame its embeds", examples = "[\"https://interview.club\"]")
            List<@NotBlank @Size(max = 200) String> allowedOrigins,
            @NotBlank @Size(max = 40) @Schema(description = "Rate-limit plan (a policy plan-<name> of "
                    + "prepline.rate-limit.policies)", examples = "standard") String plan) {
    }

    @Schema(description = "A partner platform")
    public record Partner(@Schema(examples = "7c0e3f4a-51b2-4d8e-9a11-2f0c6b5d9e21") UUID id,
                          @Schema(examples = "Interview Club") String name,
                          @Schema(examples = "standard") String plan,
                          @Schema(examples = "[\"https://interview.club\"]") List<String> allowedOrigins,
                          Instant createdAt, Instant updatedAt) {
    }

    @Schema(description = "The kind of key to issue")
    public record KeyRequest(@NotNull @Schema(examples = "PUBLISHABLE") KeyKind kind) {
    }

    @Schema(description = "How long the old key keeps working beside the new one")
    public record RotateRequest(@Min(0) @Max(720) @Schema(description = "Hours of overlap (default 24, at most 720)",
            examples = "24") Integer overlapHours) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A key just issued: the only time its full text is shown")
    public record IssuedKey(@Schema(examples = "pk_7f3kq9w2m4xa") String id,
                            @Schema(examples = "PUBLISHABLE") KeyKind kind,
                            @Schema(description = "The whole key; store it now, it is never shown again",
                                    examples = "pk_7f3kq9w2m4xa_Zq3v0mXoV1c8r2Lk7yTf9aQe4wBn6uJs5dHg1pRc0iM")
                            String key,
                            Instant createdAt,
                            @Schema(description = "The key this one replaces, when rotated", examples = "pk_2b8xn4c6v9qe")
                            String replaces,
                            @Schema(description = "When the replaced key stops working") Instant replacedKeyExpiresAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A key as listed: its id, never its secret")
    public record KeySummary(@Schema(examples = "sk_9d4hw2k7p3za") String id,
                             @Schema(examples = "SECRET") KeyKind kind,
                             @Schema(description = "ACTIVE, EXPIRING (rotated, working until expiresAt), EXPIRED or REVOKED",
                                     examples = "ACTIVE") String status,
                             Instant createdAt, Instant expiresAt, Instant revokedAt,
                             @Schema(examples = "sk_4m8tq2w6x9ja") String replacedBy) {
    }

    @Schema(description = "Requests made with a key on one day (UTC); refused: over the plan's rate limit")
    public record DayUsage(@Schema(examples = "pk_7f3kq9w2m4xa") String keyId,
                           @Schema(examples = "2026-12-01") LocalDate day,
                           @Schema(examples = "18211") long requests,
                           @Schema(examples = "12") long refused) {
    }

    @Schema(description = "Usage of a partner's keys per day")
    public record UsageReport(UUID partnerId, LocalDate from, LocalDate to, List<DayUsage> days) {
    }
}
