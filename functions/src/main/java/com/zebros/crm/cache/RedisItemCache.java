package com.zebros.crm.cache;

import com.zebros.crm.lambda.PrimingGuard;
import com.zebros.crm.obs.Metrics;
import com.zebros.crm.store.Table;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Hot items in Redis for five minutes. Keys carry the tenant ({@code crm:<tenant>:<table>:<id>}), so a
 * tenant can only ever be served its own items; every write deletes the key it changed. Redis being
 * down degrades to DynamoDB reads, never to an error. Hits and misses go to the request's metrics.
 */
public final class RedisItemCache implements ItemCache {
    static final int TTL_SECONDS = 300;

    private final UnifiedJedis redis;

    /**
     * {@code redis} is a {@code JedisPooled} for one node or a {@code JedisCluster} for cluster mode: a
     * single-node client cannot follow a cluster's MOVED and ASK redirects (half of all keys would fail).
     */
    public RedisItemCache(UnifiedJedis redis) {
        this.redis = redis;
    }

    static String key(String tenant, Table table, String id) {
        return "crm:" + tenant + ":" + table.id() + ":" + id;
    }

    @Override
    public Optional<Map<String, AttributeValue>> read(String tenant, Table table, String id,
                                                      Supplier<Optional<Map<String, AttributeValue>>> loader) {
        if (PrimingGuard.isActive()) {
            // SnapStart priming: no connection may be opened into the snapshot.
            return loader.get();
        }
        String key = key(tenant, table, id);
        try {
            String cached = redis.get(key);
            if (cached != null) {
                Metrics.current().count("CacheHit");
                return Optional.of(AttributeJson.read(cached));
            }
        } catch (JedisException e) {
            Metrics.current().count("CacheError");
            return loader.get();
        }
        Metrics.current().count("CacheMiss");
        Optional<Map<String, AttributeValue>> item = loader.get();
        item.ifPresent(found -> {
            try {
                redis.setex(key, TTL_SECONDS, AttributeJson.write(found));
            } catch (JedisException e) {
                Metrics.current().count("CacheError");
            }
        });
        return item;
    }

    @Override
    public void invalidate(String tenant, Table table, String id) {
        if (PrimingGuard.isActive()) {
            return;
        }
        try {
            redis.del(key(tenant, table, id));
        } catch (JedisException e) {
            // The five-minute expiry bounds staleness when Redis is unreachable.
            Metrics.current().count("CacheError");
        }
    }
}
