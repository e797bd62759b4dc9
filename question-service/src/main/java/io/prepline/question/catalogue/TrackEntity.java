package io.prepline.question.catalogue;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A learning track: an ordered path through questions. */
@Entity
@Table(name = "track")
public class TrackEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String slug;
    public String title;
    public String description;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "question_ids")
    public List<UUID> questionIds;
}
