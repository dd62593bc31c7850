package com.zebros.crm.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The list endpoints' combinations agree with what serves and documents them: openapi.yaml names exactly the query
 * parameters each list takes, every index a combination reads is in crm-tables.json with the keys it names, and
 * every attribute an index is keyed by is one its entity derives (so ListKeysMigration brings it up to date).
 */
class ListingsContractTest {
    private static final Map<String, List<ListAccess>> LISTS = Map.of(
            "/v1/customers",
            Listings.CUSTOMERS,
            "/v1/opportunities",
            Listings.OPPORTUNITIES,
            "/v1/activities",
            Listings.ACTIVITIES);

    @Test
    @SuppressWarnings("unchecked")
    void openApiNamesEveryParameterOfEachList() throws Exception {
        Map<String, Object> spec;
        try (InputStream in = getClass().getResourceAsStream("/openapi.yaml")) {
            spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Map<String, Object> parameters =
                (Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("parameters");
        for (var list : LISTS.entrySet()) {
            var get = (Map<String, Object>)
                    ((Map<String, Object>) ((Map<String, Object>) spec.get("paths")).get(list.getKey())).get("get");
            Set<String> documented = new TreeSet<>();
            for (Map<String, Object> parameter : (List<Map<String, Object>>) get.get("parameters")) {
                Map<String, Object> resolved = parameter.containsKey("$ref")
                        ? (Map<String, Object>)
                                parameters.get(((String) parameter.get("$ref")).replace("#/components/parameters/", ""))
                        : parameter;
                documented.add((String) resolved.get("name"));
            }
            assertEquals(
                    new TreeSet<>(new Listing(null, list.getValue(), null).parameters()), documented, list.getKey());
        }
    }

    @Test
    void everyCombinationReadsAnIndexOfItsTableKeyedAsItSays() {
        var schema = com.zebros.crm.local.LocalDynamo.schema();
        for (var list : LISTS.values()) {
            for (ListAccess access : list) {
                EntityType type = Items.typeOf(typeTable(list));
                var table = findTable(schema, type.table().id());
                if (access.index() == null) {
                    assertEquals(type.table().idAttribute(), access.sortAttribute(), access.describe());
                    continue;
                }
                var index = findIndex(table, access.index());
                assertEquals(access.partitionAttribute(), index.get("hashKey").getAsString(), access.describe());
                assertEquals(access.sortAttribute(), index.get("rangeKey").getAsString(), access.describe());
                assertTrue(access.partitionAttribute().equals("tenantId")
                        || type.derivedAttributes().contains(access.partitionAttribute()));
            }
        }
        for (var element : schema.getAsJsonArray("tables")) {
            var table = element.getAsJsonObject();
            if (table.get("id").getAsString().equals("jobs")) {
                continue;
            }
            EntityType type = Items.typeOf(com.zebros.crm.store.Table.valueOf(
                    table.get("id").getAsString().toUpperCase()));
            Set<String> keys = new TreeSet<>();
            table.getAsJsonArray("indexes").forEach(i -> {
                keys.add(i.getAsJsonObject().get("hashKey").getAsString());
                keys.add(i.getAsJsonObject().get("rangeKey").getAsString());
            });
            keys.remove("tenantId");
            assertEquals(
                    keys,
                    new TreeSet<>(type.derivedAttributes()),
                    "every index key of " + type.name() + " is derived, and only those");
        }
    }

    private static com.zebros.crm.store.Table typeTable(List<ListAccess> list) {
        return list == Listings.CUSTOMERS
                ? com.zebros.crm.store.Table.CUSTOMERS
                : list == Listings.OPPORTUNITIES
                        ? com.zebros.crm.store.Table.OPPORTUNITIES
                        : com.zebros.crm.store.Table.ACTIVITIES;
    }

    private static com.google.gson.JsonObject findTable(com.google.gson.JsonObject schema, String id) {
        for (var table : schema.getAsJsonArray("tables")) {
            if (table.getAsJsonObject().get("id").getAsString().equals(id)) {
                return table.getAsJsonObject();
            }
        }
        throw new AssertionError("no table " + id);
    }

    private static com.google.gson.JsonObject findIndex(com.google.gson.JsonObject table, String name) {
        for (var index : table.getAsJsonArray("indexes")) {
            if (index.getAsJsonObject().get("name").getAsString().equals(name)) {
                return index.getAsJsonObject();
            }
        }
        throw new AssertionError("no index " + name + " on " + table.get("id"));
    }
}
