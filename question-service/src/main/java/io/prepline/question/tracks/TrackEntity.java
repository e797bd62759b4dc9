package io.prepline.question.tracks;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A learning track: an ordered path through questions and parts of questions (its items are in track_item). */
@Entity
@Table(name = "track")
public class TrackEntity extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";

    @Id
    public UUID id;
    public String slug;
    public String title;
    public String description;
    public String status;
    public int version;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
