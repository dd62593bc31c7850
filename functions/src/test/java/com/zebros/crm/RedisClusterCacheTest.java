package com.zebros.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.crm.cache.RedisItemCache;
import com.zebros.crm.local.LocalDynamo;
import com.zebros.crm.store.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
    private static final List<Process> NODES = new ArrayList<>();
    private static final List<Integer> PORTS = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        Path dir = Files.createTempDirectory("redis-cluster");
        for (int i = 0; i < 3; i++) {
            int port = LocalDynamo.freePort();
            PORTS.add(port);
            NODES.add(new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf", "--dir", dir.toString(),
                    "--save", "", "--appendonly", "no").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis-" + port + ".log").toFile()).start());
        }
        for (int port : PORTS) {
            waitFor(() -> run("redis-cli", "-p", String.valueOf(port), "ping").contains("PONG"), "redis on " + port);
        }
        List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        PORTS.forEach(p -> create.add("127.0.0.1:" + p));
        create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        run(create.toArray(String[]::new));
        waitFor(() -> run("redis-cli", "-p", String.valueOf(PORTS.get(0)), "cluster", "info").contains("cluster_state:ok"),
                "the cluster to form");
    }

    @AfterAll
    static void stopCluster() {
        NODES.forEach(Process::destroy);
    }

    @Test
    void theClusterClientCachesEveryKeyWhereverItsSlotLives() {
        var cluster = new JedisCluster(Set.of(new HostAndPort("127.0.0.1", PORTS.get(0))),
                DefaultJedisClientConfig.builder().timeoutMillis(2000).build());
        assertEquals(0, misses(cluster), "every second read is a hit: nothing fails over to DynamoDB");
        cluster.close();
    }

    /** The defect the cluster client fixes: a single-node client loses the keys other shards own. */
    @Test
    void aSingleNodeClientLosesTheOtherShardsKeys() {
        var single = new JedisPooled(new HostAndPort("127.0.0.1", PORTS.get(0)),
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
                    return Optional.of(Map.of("customerId", AttributeValue.fromS(id), "name", AttributeValue.fromS("n")));
                });
            }
        }
        return loads.get() - 200;
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(command[0] + " is needed (Debian's redis-server package): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier ready, String what) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (ready.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }
}
