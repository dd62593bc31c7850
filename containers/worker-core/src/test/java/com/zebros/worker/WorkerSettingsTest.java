package com.zebros.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.crm.store.Table;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker's environment as the task definition writes it, and the clear refusal of a malformed one. */
class WorkerSettingsTest {
    private static Map<String, String> environment(String ceiling) {
        Map<String, String> env = new HashMap<>();
        env.put("FILES_BUCKET", "files");
        for (Table table : Table.values()) {
            env.put(table.environmentVariable(), "zebros-dev-" + table.id());
        }
        env.put("TABLE_CAPACITY_CEILING", ceiling);
        return env;
    }

    @Test
    void theCeilingIsReadByTableName() {
        var settings = WorkerSettings.from(environment("customers=150,contacts=250"));
        assertEquals(Map.of("zebros-dev-customers", 150.0, "zebros-dev-contacts", 250.0), settings.capacityCeiling());
        assertEquals(Map.of(), WorkerSettings.from(environment("")).capacityCeiling(), "on-demand phases set none");
    }

    @Test
    void aMalformedCeilingStopsTheWorkerNamingTheEntry() {
        for (String bad : new String[] {"clients=150", "customers=", "customers=-5", "customers=lots", "customers"}) {
            var e = assertThrows(IllegalStateException.class, () -> WorkerSettings.from(environment(bad)), bad);
            assertTrue(e.getMessage().contains(bad) && e.getMessage().contains("customers=150"), e.getMessage());
        }
    }
}
