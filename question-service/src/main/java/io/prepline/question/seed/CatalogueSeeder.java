package io.prepline.question.seed;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.question.QuestionConfig;
import io.prepline.question.catalogue.CatalogueService;
import io.prepline.question.catalogue.QuestionDocument;
import io.prepline.question.tracks.TrackService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Loads the bundled catalogue once per database: the first instance to record the seed name in catalogue_seed
 * (under an advisory lock) imports it, through the same path as an author import, so it is published too.
 */
@ApplicationScoped
public class CatalogueSeeder {

    static final String SEED_NAME = "catalogue-v1";
    private static final long SEED_LOCK = 7301002L;
    private static final Logger LOG = Logger.getLogger(CatalogueSeeder.class);

    @Inject
    QuestionConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    CatalogueService catalogue;
    @Inject
    TrackService tracks;
    @Inject
    EntityManager em;

    void onStart(@Observes StartupEvent event) throws IOException {
        if (config.seed().enabled()) {
            load();
        }
    }

    @Transactional
    void load() throws IOException {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, SEED_LOCK).getSingleResult();
        int inserted = em.createNativeQuery("INSERT INTO catalogue_seed (name) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, SEED_NAME).executeUpdate();
        if (inserted == 0) {
            return;
        }
        List<QuestionDocument> questions = read("questions.json", new TypeReference<>() { });
        catalogue.importAll(questions, "seed", true);
        List<SeedTrack> seedTracks = read("tracks.json", new TypeReference<>() { });
        for (SeedTrack t : seedTracks) {
            tracks.seed(t.toRequest());
        }
        LOG.infof("seed catalogue loaded: %d questions, %d tracks", questions.size(), seedTracks.size());
    }

    private <T> T read(String file, TypeReference<T> type) throws IOException {
        String path = config.seed().location() + "/" + file;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("seed file " + path + " is missing from the classpath");
            }
            return json.readValue(in, type);
        }
    }
}
