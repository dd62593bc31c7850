package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.auth.AuroraGlobalRole;
import com.zebros.platform.auth.AuthDatabase;
import com.zebros.platform.auth.KeycloakLoadBalancer;
import com.zebros.platform.compute.CrmFunctions;
import com.zebros.platform.config.FunctionGroup;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.Range;
import com.zebros.platform.config.Role;
import com.zebros.platform.config.RoleDecisions;
import com.zebros.platform.edge.Edge;
import com.zebros.platform.edge.Failover;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The static decisions that turn the role (and the phase) into a component's Args: what each role gets, decided
 * before any resource is built, so the components themselves never ask.
 */
class RoleDecidersTest {
    private static RoleDecisions at(Role role, int phase) {
        return new RoleDecisions(role, PhaseTable.defaults(phase));
    }

    private static Edge.Layers layers(Role role, int phase) {
        return Edge.Layers.forStack(PhaseTable.defaults(phase), at(role, phase));
    }

    @Test
    void theEdgeBuildsDistributionsOnlyWhereTheStackOwnsThem() {
        assertEquals(Edge.Distributions.NONE, layers(Role.STANDALONE, 2).distributions());
        assertEquals(Edge.Distributions.TO_REGION, layers(Role.STANDALONE, 3).distributions());
        assertEquals(
                Edge.Distributions.TO_FAILOVER_ORIGINS, layers(Role.PRIMARY, 3).distributions());
        assertEquals(
                Edge.Distributions.NONE,
                layers(Role.SECONDARY, 3).distributions(),
                "the primary's distributions serve both regions");
        assertTrue(layers(Role.SECONDARY, 3).cloudFront(), "a secondary's records still point at CloudFront");
    }

    @Test
    void onlyAPairsStacksWriteFailoverRecordsAndTheyHaveTheirApiDomainFromPhaseZero() {
        assertEquals(Optional.empty(), layers(Role.STANDALONE, 3).failoverRouting());
        assertEquals(Optional.of("PRIMARY"), layers(Role.PRIMARY, 0).failoverRouting());
        assertEquals(Optional.of("SECONDARY"), layers(Role.SECONDARY, 0).failoverRouting());
        assertFalse(layers(Role.STANDALONE, 1).apiDomain());
        assertTrue(layers(Role.STANDALONE, 2).apiDomain());
        assertTrue(layers(Role.SECONDARY, 0).apiDomain());
        assertEquals(0, layers(Role.PRIMARY, 1).wafRequestsPerIpPer5Min(), "no web ACL before phase 2");
    }

    @Test
    void theAuroraClusterSourcesTheGlobalClusterInThePrimaryAndJoinsItInTheSecondary() {
        assertEquals(AuroraGlobalRole.NONE, AuroraGlobalRole.of(at(Role.STANDALONE, 3)));
        assertEquals(AuroraGlobalRole.SOURCE, AuroraGlobalRole.of(at(Role.PRIMARY, 0)));
        assertEquals(AuroraGlobalRole.MEMBER, AuroraGlobalRole.of(at(Role.SECONDARY, 0)));
        var size = new AuthDatabase.Size(new Range(1, 2), 0);
        assertThrows(
                IllegalArgumentException.class,
                () -> new AuthDatabase.Args(null, Optional.empty(), null, size, AuroraGlobalRole.MEMBER),
                "a member without its primary has no global cluster to join");
    }

    @Test
    void theAuthLoadBalancerAnswersTheFailoverOriginNameOnlyInARegionPair() {
        assertEquals(new KeycloakLoadBalancer.Names(false), KeycloakLoadBalancer.Names.of(at(Role.STANDALONE, 2)));
        assertEquals(new KeycloakLoadBalancer.Names(false), KeycloakLoadBalancer.Names.of(at(Role.STANDALONE, 3)));
        assertEquals(new KeycloakLoadBalancer.Names(true), KeycloakLoadBalancer.Names.of(at(Role.PRIMARY, 0)));
    }

    @Test
    void onlyTheActiveRegionNotifiesAndEveryGroupIsSized() {
        PhaseTable phases = PhaseTable.defaults(2);
        var primary = CrmFunctions.Deployment.forStack(phases, at(Role.PRIMARY, 2), "functions.jar");
        var secondary = CrmFunctions.Deployment.forStack(phases, at(Role.SECONDARY, 2), "functions.jar");
        assertTrue(primary.notifiesFromStreams());
        assertFalse(secondary.notifiesFromStreams());
        assertEquals(2, primary.phase());
        assertEquals(FunctionGroup.values().length, primary.sizes().size());
        assertThrows(
                IllegalArgumentException.class,
                () -> new CrmFunctions.Deployment(Map.of(), 2, true),
                "a group without a size would have no function");
    }

    @Test
    void aFailoverRecordIsPrimaryOrSecondaryAndNothingElse() {
        assertThrows(IllegalArgumentException.class, () -> new Failover.Args(null, null, Optional.empty(), "ACTIVE"));
    }
}
