package com.zebros.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.crm.cache.RedisItemCache;
import com.zebros.crm.local.RedisNodes;
import com.zebros.crm.store.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item cache against a real Redis Cluster (three of Debian's redis-server in cluster mode, joined
 * by {@code redis-cli --cluster create}), as phase 3 runs it: with the cluster client every key works
 * wherever its slot lives; the single-node client the functions used before loses the keys of the
 * other shards to MOVED redirects.
 */
class RedisClusterCacheTest {
    private static RedisNodes cluster;
    private static final List<Integer> PORTS = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new RedisNodes(3, true);
        cluster.start();
        PORTS.addAll(cluster.ports());
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        cluster.close();
    }

    @Test
    void theClusterClientCachesEveryKeyWhereverItsSlotLives() {
        var cluster = new JedisCluster(
                Set.of(new HostAndPort("127.0.0.1", PORTS.get(0))),
                DefaultJedisClientConfig.builder().timeoutMillis(2000).build());
        assertEquals(0, misses(cluster), "every second read is a hit: nothing fails over to DynamoDB");
        cluster.close();
    }

    /** The defect the cluster client fixes: a single-node client loses the keys other shards own. */
    @Test
    void aSingleNodeClientLosesTheOtherShardsKeys() {
        var single = new JedisPooled(
                new HostAndPort("127.0.0.1", PORTS.get(0)),
                DefaultJedisClientConfig.builder().timeoutMillis(2000).build());
        int misses = misses(single);
        assertTrue(misses > 40 && misses < 160, "about two thirds of 200 keys live on the other two shards: " + misses);
        single.close();
    }

    /** 200 items read twice through the cache: how many second reads still had to load from the store. */
    private static int misses(UnifiedJedis redis) {
        // No pause after a failure: every MOVED redirect the single-node client meets is counted, not just the first.
        var cache = new RedisItemCache(() -> redis, java.time.Duration.ZERO, System::nanoTime);
        AtomicInteger loads = new AtomicInteger();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < 200; i++) {
                String id = "cus_" + String.format("%032x", i);
                cache.read("cluster-tenant-" + System.identityHashCode(redis), Table.CUSTOMERS, id, () -> {
                    loads.incrementAndGet();
                    return Optional.of(
                            Map.of("customerId", AttributeValue.fromS(id), "name", AttributeValue.fromS("n")));
                });
            }
        }
        return loads.get() - 200;
    }
}
