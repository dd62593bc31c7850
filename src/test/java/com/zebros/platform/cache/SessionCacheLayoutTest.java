package com.zebros.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.RedisClusterMode;
import org.junit.jupiter.api.Test;

/**
 * The group's layout per phase, and the two deployments into cluster mode
 * (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/modify-cluster-mode.html).
 */
class SessionCacheLayoutTest {

    @Test
    void phaseTwoIsAReplicationGroupOfThePhasesNodes() {
        var layout = SessionCache.Layout.forPhase(PhaseTable.defaults(2), RedisClusterMode.PHASE);
        assertEquals(new SessionCache.Layout("disabled", PhaseTable.defaults(2).redisNodes(), 0), layout);
        assertEquals("default.redis7", layout.parameterGroup());
        assertFalse(layout.clustered());
    }

    @Test
    void intoPhaseThreeTheGroupFirstTurnsCompatibleWithTwoNodesThenClustersIntoTheShards() {
        var first = SessionCache.Layout.forPhase(PhaseTable.defaults(3), RedisClusterMode.COMPATIBLE);
        assertEquals(new SessionCache.Layout("compatible", 2, 0), first);
        assertEquals("default.redis7.cluster.on", first.parameterGroup());
        var second = SessionCache.Layout.forPhase(PhaseTable.defaults(3), RedisClusterMode.PHASE);
        assertTrue(second.clustered());
        assertEquals(PhaseTable.defaults(3).redisShards(), second.shards());
    }

    /** ElastiCache cannot leave cluster mode: after a step down the group keeps it, one shard of phase 2's two nodes. */
    @Test
    void belowPhaseThreeAfterAStepDownTheGroupStaysClusteredInOneShard() {
        var kept = SessionCache.Layout.forPhase(PhaseTable.defaults(2), RedisClusterMode.KEPT);
        assertEquals(new SessionCache.Layout("enabled", 0, 1), kept);
        assertTrue(kept.clustered());
        assertEquals("default.redis7.cluster.on", kept.parameterGroup());
    }
}
