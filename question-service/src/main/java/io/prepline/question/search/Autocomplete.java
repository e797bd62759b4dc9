package io.prepline.question.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.prepline.platform.problem.ProblemException;
import io.prepline.question.QuestionConfig;
import io.prepline.question.catalogue.Slugs;
import io.prepline.question.search.SearchModels.Facets;
import io.prepline.question.search.SearchModels.SuggestedQuestion;
import io.prepline.question.search.SearchModels.Suggestions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Autocomplete: active questions whose title has a word starting with each word typed (the last one usually half
 * typed), shortest title first, and companies and topics with a word starting with the text, most asked first. From
 * the search index: the questions from {@link TitleCompletions}, kept with its segments; the companies and topics from
 * {@link NameCompletions} of the hubs, made again when the hubs are counted again.
 */
@ApplicationScoped
public class Autocomplete {

    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    @Inject
    CatalogueIndex index;
    @Inject
    SearchService search;
    @Inject
    QuestionConfig config;

    private volatile Names names;

    public Suggestions suggest(String text) {
        Typed typed = check(text);
        int limit = config.search().suggestions();
        Names names = names(search.allFacets());
        return new Suggestions(questions(typed.text(), limit), names.companies().complete(typed.slug(), limit),
                names.topics().complete(typed.slug(), limit));
    }

    /** The text typed, stripped, and its slug (what companies and topics are matched by). */
    private record Typed(String text, String slug) {
    }

    /** The text typed, stripped: at least one letter or digit, at most the configured length. */
    private Typed check(String text) {
        int max = config.search().maxSuggestLength();
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("q", "must be given: the text typed so far");
        }
        String typed = text.strip();
        if (typed.length() > max) {
            throw ProblemException.invalid("q", "must be at most " + max + " characters");
        }
        String slug = Slugs.of(typed);
        if (slug == null) {
            throw ProblemException.invalid("q", "must contain a letter or a digit");
        }
        return new Typed(typed, slug);
    }

    private List<SuggestedQuestion> questions(String typed, int limit) {
        List<String> prefixes = new ArrayList<>();
        for (String word : WORDS.split(typed.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                prefixes.add(index.completions().prefix(word));
            }
        }
        return index.read((searcher, facets) -> index.completions().complete(searcher, prefixes, limit));
    }

    /** Companies and topics with a word starting with the text ("cap" and "capital o" both find Capital One). */
    private Names names(Facets all) {
        Names current = names;
        if (current == null || current.facets() != all) {
            current = new Names(all, new NameCompletions(all.company()), new NameCompletions(all.topic()));
            names = current;
        }
        return current;
    }

    /** The completions of the companies and topics of one count of the facets (one version of the index). */
    private record Names(Facets facets, NameCompletions companies, NameCompletions topics) {
    }
}
