package com.zebros.crm.cache;

import com.zebros.crm.faults.Pause;
import com.zebros.crm.lambda.PrimingGuard;
import com.zebros.crm.obs.Metrics;
import com.zebros.crm.store.Table;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Hot items in Redis for five minutes. Keys carry the tenant ({@code crm:<tenant>:<table>:<id>}), so a
 * tenant can only ever be served its own items; every write deletes the key it changed. Hits and
 * misses go to the request's metrics.
 *
 * <p>Redis never takes the API down. The client is built on first use, not at start-up (a cluster
 * client reads the cluster's slots when it is built and throws when no node answers), and any failure,
 * building it or using it, sends reads to DynamoDB and leaves Redis alone for {@link #DEFAULT_PAUSE}, so a
 * request pays Redis's timeout at most once per pause instead of on every call; after the pause the
 * next request tries again (building the client again if it was never built), so the cache comes back
 * without a restart. While Redis is unreachable a write cannot delete its key: if the same Redis comes
 * back with the data it had, that item may be served stale until its five-minute expiry.
 */
public final class RedisItemCache implements ItemCache {
    static final int TTL_SECONDS = 300;
    public static final Duration DEFAULT_PAUSE = Duration.ofSeconds(5);

    private final Supplier<UnifiedJedis> connect;
    private final Pause pause;
    private volatile UnifiedJedis redis;

    /**
     * {@code connect} builds a {@code JedisPooled} for one node or a {@code JedisCluster} for cluster mode (a
     * single-node client cannot follow a cluster's MOVED and ASK redirects: half of all keys would fail).
     */
    public RedisItemCache(Supplier<UnifiedJedis> connect, Duration pause, LongSupplier nanoTime) {
        this.connect = connect;
        this.pause = new Pause(pause, nanoTime);
    }

    /** A client already built, with the default pause. */
    public RedisItemCache(UnifiedJedis redis) {
        this(() -> redis, DEFAULT_PAUSE, System::nanoTime);
    }

    static String key(String tenant, Table table, String id) {
        return "crm:" + tenant + ":" + table.id() + ":" + id;
    }

    @Override
    public Optional<Map<String, AttributeValue>> read(
            String tenant, Table table, String id, Supplier<Optional<Map<String, AttributeValue>>> loader) {
        if (PrimingGuard.isActive()) {
            // SnapStart priming: no connection may be opened into the snapshot.
            return loader.get();
        }
        String key = key(tenant, table, id);
        UnifiedJedis client = client();
        if (client == null) {
            Metrics.current().count("CacheBypassed");
            return loader.get();
        }
        try {
            String cached = client.get(key);
            if (cached != null) {
                Metrics.current().count("CacheHit");
                return Optional.of(AttributeJson.read(cached));
            }
        } catch (RuntimeException e) {
            failed();
            return loader.get();
        }
        Metrics.current().count("CacheMiss");
        Optional<Map<String, AttributeValue>> item = loader.get();
        item.ifPresent(found -> {
            try {
                client.setex(key, TTL_SECONDS, AttributeJson.write(found));
            } catch (RuntimeException e) {
                failed();
            }
        });
        return item;
    }

    @Override
    public void invalidate(String tenant, Table table, String id) {
        if (PrimingGuard.isActive()) {
            return;
        }
        UnifiedJedis client = client();
        if (client == null) {
            return;
        }
        try {
            client.del(key(tenant, table, id));
        } catch (RuntimeException e) {
            failed();
        }
    }

    /** The client, built if it was not; null while paused after a failure or when it cannot be built. */
    private UnifiedJedis client() {
        if (pause.isOn()) {
            return null;
        }
        UnifiedJedis current = redis;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (redis == null) {
                try {
                    redis = connect.get();
                } catch (RuntimeException e) {
                    failed();
                    return null;
                }
            }
            return redis;
        }
    }

    private void failed() {
        Metrics.current().count("CacheError");
        pause.start();
    }
}
