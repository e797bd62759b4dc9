package io.prepline.question.rubric;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One immutable version of the rubric of a question (part 0) or of one of its parts. */
@Entity
@Immutable
@Table(name = "rubric_version")
public class RubricVersionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "question_id")
    public UUID questionId;
    @Column(name = "part_number")
    public int partNumber;
    public int version;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Rubric.Criterion> criteria;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    public Rubric toRubric() {
        return new Rubric(version, criteria);
    }
}
