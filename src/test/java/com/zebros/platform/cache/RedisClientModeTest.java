package com.zebros.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zebros.platform.support.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The functions know which Redis client to use: phase 3 runs Redis in cluster mode (several shards
 * behind the configuration endpoint), where a single-node client fails on every key another shard owns.
 */
class RedisClientModeTest {

    @Test
    void theFunctionsUseTheClusterClientExactlyWhenRedisRunsInClusterMode() {
        assertEquals("disabled", redisMode(2), "phase 2: one shard, the primary endpoint");
        assertEquals("enabled", redisMode(3), "phase 3: cluster mode, the configuration endpoint");
        var settings =
                StackHarness.settings("dev", StackHarness.changes("phase", "3", "redisClusterMode", "compatible"));
        var compatible = StackHarness.plan(settings).plan();
        assertEquals(
                "disabled",
                environment(compatible).get("REDIS_CLUSTER_MODE"),
                "while Redis passes through 'compatible' the primary endpoint still answers every key");
    }

    private static Object redisMode(int phase) {
        return environment(StackHarness.rawPlan("dev", phase)).get("REDIS_CLUSTER_MODE");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(com.zebros.platform.tools.offline.Plan plan) {
        var function = plan.find("aws:lambda/function:Function", "customers").orElseThrow();
        return (Map<String, Object>) ((Map<String, Object>) function.inputs().get("environment")).get("variables");
    }
}
