package com.zebros.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.Range;
import com.zebros.platform.config.Role;
import com.zebros.platform.config.RoleDecisions;
import org.junit.jupiter.api.Test;

/** The auth layer's sizes are decided from the phase (and role) before any resource is built. */
class ComponentSizesTest {

    @Test
    void aSecondarysKeycloakStandsByAtZeroWithThePhasesCeiling() {
        PhaseTable phases = PhaseTable.defaults(2);
        var primary = Keycloak.Size.forPhase(phases, new RoleDecisions(Role.PRIMARY, phases));
        var secondary = Keycloak.Size.forPhase(phases, new RoleDecisions(Role.SECONDARY, phases));
        assertEquals(phases.keycloakTasks(), primary.tasks());
        assertEquals(new Range(0, phases.keycloakTasks().max()), secondary.tasks());
        assertEquals(primary.task(), secondary.task(), "a standby task is sized for the failover it waits for");
    }

    @Test
    void theDatabaseTakesThePhasesCapacityAndRefusesWhatAuroraCannotRun() {
        assertEquals(
                PhaseTable.defaults(2).auroraReaders(),
                AuthDatabase.Size.forPhase(PhaseTable.defaults(2)).readers());
        assertThrows(IllegalArgumentException.class, () -> new AuthDatabase.Size(new Range(0, 2), 0));
        assertThrows(IllegalArgumentException.class, () -> new AuthDatabase.Size(new Range(1, 2), 16));
    }
}
