package com.zebros.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What each role changes, at the phases where it differs. */
class RoleDecisionsTest {
    private static RoleDecisions at(Role role, int phase) {
        return new RoleDecisions(role, PhaseTable.defaults(phase));
    }

    @Test
    void aPairHasApiNamesFromPhaseZeroAStandaloneFromThePhaseThatAddsThem() {
        assertTrue(at(Role.PRIMARY, 0).hasApiDomain());
        assertTrue(at(Role.SECONDARY, 0).hasApiDomain());
        assertFalse(at(Role.STANDALONE, 0).hasApiDomain());
        assertTrue(at(Role.STANDALONE, 3).hasApiDomain());
    }

    @Test
    void cloudFrontBelongsToTheStandaloneOrThePrimaryNeverToTheSecondary() {
        assertTrue(at(Role.STANDALONE, 3).ownsCloudFront());
        assertTrue(at(Role.PRIMARY, 3).ownsCloudFront());
        assertFalse(at(Role.SECONDARY, 3).ownsCloudFront());
        assertFalse(at(Role.PRIMARY, 0).ownsCloudFront(), "CloudFront arrives with its phase");
        assertTrue(at(Role.PRIMARY, 3).cloudFrontThroughFailoverOrigins());
        assertFalse(at(Role.STANDALONE, 3).cloudFrontThroughFailoverOrigins());
    }

    @Test
    void theSecondaryStandsByItsKeycloakItsNotificationsAndJoinsTheGlobalCluster() {
        RoleDecisions secondary = at(Role.SECONDARY, 2);
        assertTrue(secondary.keycloakStandsBy());
        assertFalse(secondary.notifiesFromStreams());
        assertTrue(secondary.auroraJoinsGlobalCluster());
        assertFalse(secondary.auroraSourcesGlobalCluster());
        assertEquals("SECONDARY", secondary.failoverRecordRole());
        assertFalse(secondary.declaresTables());
        RoleDecisions primary = at(Role.PRIMARY, 2);
        assertTrue(primary.declaresTables());
        assertTrue(at(Role.STANDALONE, 0).declaresTables());
        assertFalse(primary.keycloakStandsBy());
        assertTrue(primary.notifiesFromStreams());
        assertTrue(primary.auroraSourcesGlobalCluster());
        assertEquals("PRIMARY", primary.failoverRecordRole());
    }

    @Test
    void aStandaloneHasNoFailoverRecords() {
        assertThrows(IllegalStateException.class, () -> at(Role.STANDALONE, 0).failoverRecordRole());
        assertFalse(at(Role.STANDALONE, 0).inRegionPair());
    }
}
