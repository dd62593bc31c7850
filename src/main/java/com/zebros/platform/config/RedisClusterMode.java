package com.zebros.platform.config;

/**
 * What {@code zebros:redisClusterMode} says about a Redis that is or was on its way into cluster mode. ElastiCache
 * enters cluster mode in two deployments and never leaves it: "Cluster mode configuration can only be changed from
 * cluster mode disabled to cluster mode enabled. Reverting this configuration is not possible."
 * (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/modify-cluster-mode.html). {@code promote} writes and
 * removes the value; an operator never sets it by hand.
 */
public enum RedisClusterMode {
    /** Absent: the phase decides (cluster mode from phase 3). */
    PHASE(""),
    /** At phase 3, the first of the two deployments into cluster mode. */
    COMPATIBLE("compatible"),
    /** Below phase 3 after a step down: Redis stays in cluster mode, with one shard. */
    KEPT("enabled");

    private final String configValue;

    RedisClusterMode(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    /** The mode a config value names, or null when it names none. */
    static RedisClusterMode of(String value) {
        for (RedisClusterMode mode : values()) {
            if (mode.configValue.equals(value)) {
                return mode;
            }
        }
        return null;
    }
}
