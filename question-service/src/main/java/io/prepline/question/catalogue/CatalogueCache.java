package io.prepline.question.catalogue;

import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A bounded cache of things computed from the catalogue. An entry belongs to one generation of the catalogue
 * ({@link CatalogueChanges}), so any change anywhere retires every entry; while changes could go unnoticed
 * nothing is cached. Concurrent misses of the same key compute it once.
 */
public final class CatalogueCache<K, V> {

    private record Entry<K>(long generation, K key) {
    }

    private final CatalogueChanges changes;
    private final Cache<Entry<K>, V> entries;

    public CatalogueCache(CatalogueChanges changes, int maxEntries) {
        this.changes = changes;
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).build();
        changes.onChange(entries::invalidateAll);
    }

    /** The cached value, or null. */
    public V cached(K key) {
        long generation = changes.generation();
        return generation < 0 ? null : entries.getIfPresent(new Entry<>(generation, key));
    }

    /** The cached value, or the one {@code load} computes (an exception caches nothing). */
    public V get(K key, Function<K, V> load) {
        long generation = changes.generation();
        if (generation < 0) {
            return load.apply(key);
        }
        return entries.get(new Entry<>(generation, key), entry -> load.apply(entry.key()));
    }
}
