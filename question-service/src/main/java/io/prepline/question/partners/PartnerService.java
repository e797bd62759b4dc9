package io.prepline.question.partners;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.platform.PlatformConfig;
import io.prepline.platform.problem.FieldError;
import io.prepline.platform.problem.ProblemException;
import io.prepline.question.QuestionConfig;
import io.prepline.question.partners.PartnerModels.DayUsage;
import io.prepline.question.partners.PartnerModels.IssuedKey;
import io.prepline.question.partners.PartnerModels.KeySummary;
import io.prepline.question.partners.PartnerModels.Partner;
import io.prepline.question.partners.PartnerModels.PartnerRequest;
import io.prepline.question.partners.PartnerModels.UsageReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** Partners and their keys: created, rotated and revoked by admins; every change reaches every instance's keys. */
@ApplicationScoped
public class PartnerService {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;
    @Inject
    Validator validator;
    @Inject
    ObjectMapper json;
    @Inject
    PartnerKeys keys;
    @Inject
    QuestionConfig config;
    @Inject
    PlatformConfig platform;

    @Transactional
    public Partner create(PartnerRequest request) {
        List<String> origins = check(request);
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO partner (id, name, plan, allowed_origins) VALUES (?1, ?2, ?3, cast(?4 AS jsonb))")
                .setParameter(1, id).setParameter(2, request.name().strip()).setParameter(3, request.plan())
                .setParameter(4, write(origins)).executeUpdate();
        keys.reloadOnCommit();
        return find(id);
    }

    @Transactional
    public Partner update(UUID id, PartnerRequest request) {
        List<String> origins = check(request);
        int updated = em.createNativeQuery("UPDATE partner SET name = ?2, plan = ?3, allowed_origins = cast(?4 AS jsonb), "
                        + "updated_at = now() WHERE id = ?1").setParameter(1, id).setParameter(2, request.name().strip())
                .setParameter(3, request.plan()).setParameter(4, write(origins)).executeUpdate();
        if (updated == 0) {
            throw noPartner(id);
        }
        keys.reloadOnCommit();
        return find(id);
    }

    @Transactional
    public Partner get(UUID id) {
        return find(id);
    }

    @Transactional
    public IssuedKey issue(UUID partnerId, KeyKind kind) {
        find(partnerId);
        return insertKey(partnerId, kind, null, null);
    }

    /** A new key of the same kind; the old one keeps working for the overlap, then expires. */
    @Transactional
    public IssuedKey rotate(UUID partnerId, String keyId, Integer overlapHours) {
        Object[] old = keyRow(partnerId, keyId);
        Instant oldExpires = instant(old[4]);
        if (old[3] != null || old[5] != null || oldExpires != null && !oldExpires.isAfter(Instant.now())) {
            throw ProblemException.conflict("keyId", "key " + keyId + " is revoked, expired or already rotated");
        }
        Duration overlap = overlapHours == null ? config.partners().rotationOverlap() : Duration.ofHours(overlapHours);
        if (overlap.compareTo(config.partners().maxRotationOverlap()) > 0) {
            throw ProblemException.invalid("overlapHours", "must be at most "
                    + config.partners().maxRotationOverlap().toHours());
        }
        Instant expires = Instant.now().plus(overlap).truncatedTo(ChronoUnit.MILLIS);
        if (oldExpires != null && oldExpires.isBefore(expires)) {
            expires = oldExpires;
        }
        IssuedKey fresh = insertKey(partnerId, KeyKind.valueOf((String) old[1]), keyId, expires);
        em.createNativeQuery("UPDATE partner_key SET expires_at = ?2, replaced_by = ?3 WHERE id = ?1")
                .setParameter(1, keyId).setParameter(2, Timestamp.from(expires)).setParameter(3, fresh.id())
                .executeUpdate();
        return fresh;
    }

    /** Revoked at once, on every instance. Revoking twice changes nothing. */
    @Transactional
    public void revoke(UUID partnerId, String keyId) {
        keyRow(partnerId, keyId);
        em.createNativeQuery("UPDATE partner_key SET revoked_at = coalesce(revoked_at, now()) WHERE id = ?1")
                .setParameter(1, keyId).executeUpdate();
        keys.reloadOnCommit();
    }

    @Transactional
    public List<KeySummary> keys(UUID partnerId) {
        find(partnerId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, kind, created_at, expires_at, revoked_at, replaced_by "
                + "FROM partner_key WHERE partner_id = ?1 ORDER BY created_at, id").setParameter(1, partnerId)
                .getResultList();
        Instant now = Instant.now();
        return rows.stream().map(r -> new KeySummary((String) r[0], KeyKind.valueOf((String) r[1]),
                status(instant(r[3]), instant(r[4]), now), instant(r[2]), instant(r[3]), instant(r[4]),
                (String) r[5])).toList();
    }

    /** Requests per key and day between {@code from} and {@code to} (UTC days, both included). */
    @Transactional
    public UsageReport usage(UUID partnerId, LocalDate from, LocalDate to) {
        find(partnerId);
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : to;
        LocalDate first = from == null ? last.minusDays(29) : from;
        if (first.isAfter(last)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= config.partners().maxUsageDays()) {
            throw ProblemException.invalid("from", "at most " + config.partners().maxUsageDays() + " days at once");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT u.key_id, u.day, u.requests, u.refused FROM partner_key_usage u "
                        + "JOIN partner_key k ON k.id = u.key_id WHERE k.partner_id = ?1 AND u.day BETWEEN ?2 AND ?3 "
                        + "ORDER BY u.day, u.key_id").setParameter(1, partnerId).setParameter(2, first)
                .setParameter(3, last).getResultList();
        List<DayUsage> days = rows.stream().map(r -> new DayUsage((String) r[0], day(r[1]),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
        return new UsageReport(partnerId, first, last, days);
    }

    private IssuedKey insertKey(UUID partnerId, KeyKind kind, String replaces, Instant replacedExpires) {
        ApiKey key = ApiKey.generate(kind);
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        em.createNativeQuery("INSERT INTO partner_key (id, partner_id, kind, key_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, key.id()).setParameter(2, partnerId).setParameter(3, kind.name())
                .setParameter(4, key.hash()).setParameter(5, Timestamp.from(created)).executeUpdate();
        keys.reloadOnCommit();
        return new IssuedKey(key.id(), kind, key.text(), created, replaces, replacedExpires);
    }

    /** id, kind, created_at, revoked_at, expires_at, replaced_by of a key of the partner, or 404. */
    private Object[] keyRow(UUID partnerId, String keyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, kind, created_at, revoked_at, expires_at, replaced_by "
                        + "FROM partner_key WHERE id = ?1 AND partner_id = ?2 FOR UPDATE")
                .setParameter(1, keyId).setParameter(2, partnerId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("partner " + partnerId + " has no key " + keyId);
        }
        return rows.get(0);
    }

    private Partner find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, name, plan, allowed_origins::text, created_at, updated_at "
                + "FROM partner WHERE id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw noPartner(id);
        }
        Object[] r = rows.get(0);
        return new Partner((UUID) r[0], (String) r[1], (String) r[2], read((String) r[3]), instant(r[4]), instant(r[5]));
    }

    private static ProblemException noPartner(UUID id) {
        return ProblemException.notFound("no partner " + id);
    }

    private static String status(Instant expires, Instant revoked, Instant now) {
        if (revoked != null) {
            return "REVOKED";
        }
        if (expires == null) {
            return "ACTIVE";
        }
        return expires.isAfter(now) ? "EXPIRING" : "EXPIRED";
    }

    /** The request's fields, plan and origins checked; the origins in the form browsers send them. */
    private List<String> check(PartnerRequest request) {
        if (request == null) {
            throw ProblemException.invalid("$", "a partner document is required");
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<PartnerRequest> v : validator.validate(request)) {
            errors.add(new FieldError(v.getPropertyPath().toString().replaceAll("<list element>", ""), v.getMessage()));
        }
        if (request.plan() != null && !plans().contains(request.plan())) {
            errors.add(new FieldError("plan", "must be one of " + plans()));
        }
        Set<String> origins = new LinkedHashSet<>();
        List<String> given = request.allowedOrigins() == null ? List.of() : request.allowedOrigins();
        if (given.size() > config.partners().maxOrigins()) {
            errors.add(new FieldError("allowedOrigins", "at most " + config.partners().maxOrigins() + " origins"));
        }
        for (int i = 0; i < given.size(); i++) {
            String origin = Origins.normalise(given.get(i));
            if (origin == null) {
                errors.add(new FieldError("allowedOrigins[" + i + "]",
                        "must be an origin: http or https, a host and an optional port, no path"));
            } else {
                origins.add(origin);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the partner has invalid fields", errors);
        }
        return List.copyOf(origins);
    }

    private Set<String> plans() {
        Set<String> plans = new TreeSet<>();
        for (String policy : platform.rateLimit().policies().keySet()) {
            if (policy.startsWith(PartnerModels.planPolicy(""))) {
                plans.add(policy.substring(PartnerModels.planPolicy("").length()));
            }
        }
        return plans;
    }

    private String write(List<String> origins) {
        try {
            return json.writeValueAsString(origins);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String origins) {
        try {
            return json.readValue(origins, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
