package io.prepline.question.catalogue;

import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;

/**
 * A bounded cache of things computed from the catalogue, exact across instances ({@link CatalogueChanges}): an entry
 * belongs to one generation of the catalogue and a change retires it. While changes could go unnoticed (the listener
 * lost its connection, usually because the database is unreachable) nothing new is stored and what is stored is still
 * served; listening again retires it all. Concurrent misses of the same key compute it once, also when it is computed
 * without blocking ({@link #load}). A cache of size 0 stores nothing: every read computes (with Caffeine's size 0,
 * each value would be stored and then evicted).
 */
public final class CatalogueCache<K, V> {

    private record Entry<K>(long generation, K key) {
    }

    private final LongSupplier generation;
    private final BooleanSupplier storing;
    private final AsyncCache<Entry<K>, V> computing;
    private final Cache<Entry<K>, V> entries;
    private final boolean off;

    private CatalogueCache(LongSupplier generation, BooleanSupplier storing, int maxEntries) {
        this.generation = generation;
        this.storing = storing;
        this.off = maxEntries == 0;
        this.computing = Caffeine.newBuilder().maximumSize(maxEntries).buildAsync();
        this.entries = computing.synchronous();
    }

    /** Pages keyed by slug: a change of content retires all, a change of counters only the page of that slug. */
    public static <V> CatalogueCache<String, V> pages(CatalogueChanges changes, int maxEntries) {
        CatalogueCache<String, V> cache = new CatalogueCache<>(changes::contentGeneration, changes::listening, maxEntries);
        changes.onChange(countersOf -> {
            if (countersOf == null) {
                cache.entries.invalidateAll();
            } else {
                cache.entries.invalidate(new Entry<>(changes.contentGeneration(), countersOf));
            }
        });
        return cache;
    }

    /** Results over many questions (lists, searches, counts): any change retires all. */
    public static <K, V> CatalogueCache<K, V> results(CatalogueChanges changes, int maxEntries) {
        CatalogueCache<K, V> cache = new CatalogueCache<>(changes::generation, changes::listening, maxEntries);
        changes.onChange(countersOf -> cache.entries.invalidateAll());
        return cache;
    }

    /**
     * Results of something else kept current from the catalogue's changes (the search index): an entry belongs to
     * one of its generations; nothing is stored while {@code current} is false.
     */
    public static <K, V> CatalogueCache<K, V> results(LongSupplier generation, BooleanSupplier current, int maxEntries) {
        return new CatalogueCache<>(generation, current, maxEntries);
    }

    /** The cached value (computed already), or null. */
    public V cached(K key) {
        if (off) {
            return null;
        }
        CompletableFuture<V> held = computing.getIfPresent(new Entry<>(generation.getAsLong(), key));
        return held != null && held.isDone() && !held.isCompletedExceptionally() ? held.join() : null;
    }

    /** The cached value, or the one {@code load} computes (stored unless changes go unheard; an exception caches nothing). */
    public V get(K key, Function<K, V> load) {
        if (off) {
            return load.apply(key);
        }
        long current = generation.getAsLong();
        if (!storing.getAsBoolean()) {
            V held = entries.getIfPresent(new Entry<>(current, key));
            return held != null ? held : load.apply(key);
        }
        return entries.get(new Entry<>(current, key), entry -> load.apply(entry.key()));
    }

    /**
     * As {@link #get}, for a value computed without blocking: a value computed already is the item at once, and the
     * callers of one key share one computation.
     */
    public Uni<V> load(K key, Function<K, Uni<V>> load) {
        V held = cached(key);
        if (held != null) {
            return Uni.createFrom().item(held);
        }
        if (off || !storing.getAsBoolean()) {
            return load.apply(key);
        }
        long current = generation.getAsLong();
        return Uni.createFrom().completionStage(() -> computing.get(new Entry<>(current, key),
                (entry, executor) -> load.apply(entry.key()).subscribeAsCompletionStage()));
    }
}
