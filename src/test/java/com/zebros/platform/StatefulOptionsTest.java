package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.config.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mock engine never sees options, so the factory is tested directly (AWS-CONSTRAINTS section 0). */
class StatefulOptionsTest {

    @Test
    void everyStatefulResourceIsProtected() {
        assertTrue(StatefulOptions.table(null, null, false).isProtect(), "tables (PUL-01)");
        assertTrue(StatefulOptions.kmsKey(null, null).isProtect(), "KMS keys");
        assertTrue(StatefulOptions.bucket(null, null).isProtect(), "buckets");
        assertTrue(StatefulOptions.secret(null, null).isProtect(), "the credentials secret");
        for (Role role : Role.values()) {
            assertTrue(StatefulOptions.auroraCluster(null, null, role).isProtect(), "Aurora, " + role);
        }
    }

    @Test
    void anOnDemandTableIgnoresNothingAndAnAutoScaledOneIgnoresItsCapacities() {
        assertEquals(List.of(), StatefulOptions.table(null, null, false).getIgnoreChanges());
        List<String> ignored = StatefulOptions.table(null, null, true).getIgnoreChanges();
        assertTrue(ignored.containsAll(List.of("readCapacity", "writeCapacity")), "DDB-05: " + ignored);
    }

    @Test
    void everyAuroraClusterIgnoresItsGlobalClusterSoAttachingOneNeverDetachesIt() {
        for (Role role : Role.values()) {
            assertTrue(StatefulOptions.auroraCluster(null, null, role).getIgnoreChanges()
                    .contains("globalClusterIdentifier"), "AUR-09, " + role);
        }
        assertFalse(StatefulOptions.auroraCluster(null, null, Role.STANDALONE).getIgnoreChanges().contains("engineVersion"),
                "a standalone cluster upgrades itself");
        assertTrue(StatefulOptions.auroraCluster(null, null, Role.PRIMARY).getIgnoreChanges().contains("engineVersion"),
                "global members upgrade through the global cluster (AUR-11)");
    }
}
