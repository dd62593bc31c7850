package com.zebros.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.zebros.crm.local.LocalDynamo;
import com.zebros.crm.store.Table;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The documents the API ships agree with its code: openapi.yaml with the routes, crm-tables.json with the keys. */
class ContractTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    @Test
    @SuppressWarnings("unchecked")
    void openApiDocumentsExactlyTheRoutesTheApiServes() throws Exception {
        Map<String, Object> spec;
        try (InputStream in = getClass().getResourceAsStream("/openapi.yaml")) {
            spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Set<String> documented = new TreeSet<>();
        ((Map<String, Map<String, Object>>) spec.get("paths"))
                .forEach((path, operations) -> operations.keySet().stream()
                        .filter(METHODS::contains)
                        .forEach(m -> documented.add(m.toUpperCase() + " " + path)));
        Set<String> served = new TreeSet<>();
        com.zebros.crm.local.Api.server()
                .service()
                .api()
                .router()
                .routes()
                .forEach(r -> served.add(r.method() + " " + r.template()));
        assertEquals(served, documented);
    }

    @Test
    void theShippedTableDefinitionsUseTheKeysTheCodeWrites() {
        JsonObject schema = LocalDynamo.schema();
        for (JsonElement e : schema.getAsJsonArray("tables")) {
            JsonObject table = e.getAsJsonObject();
            assertEquals(
                    Table.TENANT, table.get("hashKey").getAsString(), table.get("id") + " is partitioned by tenant");
        }
        for (Table table : Table.values()) {
            assertTrue(Table.declaredIds().contains(table.id()), table.id());
        }
        assertEquals("customerId", Table.CUSTOMERS.idAttribute(), "read from the schema, as every table's sort key is");
        // Jobs, WebhookEvents and WebhookRegistry read the jobs table's key by its name.
        assertEquals("jobId", Table.JOBS.idAttribute());
        assertEquals("expiresAt", schema.get("ttlAttribute").getAsString());
    }
}
