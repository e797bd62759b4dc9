package io.prepline.question.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.question.QuestionConfig;
import io.prepline.question.catalogue.CatalogueCache;
import io.prepline.question.search.ListParams.PageRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Pages of the list and search, and facets, serialised once per change of the search index: browsing is read far
 * more often than the catalogue changes, and the same few queries make most of the traffic.
 */
@ApplicationScoped
public class Listings {

    @Inject
    SearchService search;
    @Inject
    CatalogueIndex index;
    @Inject
    ObjectMapper json;
    @Inject
    QuestionConfig config;

    private CatalogueCache<PageRequest, byte[]> pages;
    private CatalogueCache<FilterParams.Values, byte[]> facets;

    @PostConstruct
    void createCaches() {
        pages = CatalogueCache.results(index::generation, index::listening, config.api().listCacheSize());
        facets = CatalogueCache.results(index::generation, index::listening, config.api().listCacheSize());
    }

    public byte[] page(PageRequest request) {
        return pages.get(request, r -> search.list(search.filters(r.filters()), r.sort(), r.limit(), r.cursor()));
    }

    public byte[] facets(FilterParams.Values filters) {
        return facets.get(filters, f -> write(search.facets(search.filters(f))));
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
