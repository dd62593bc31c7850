package com.zebros.crm.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.zebros.crm.http.Response;
import com.zebros.crm.migrate.ListKeysMigration;
import com.zebros.crm.migrate.MigrationState;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items written before the list indexes (no keys for them) and activities with the old time keys get their keys,
 * a page at a time; until then the new listings answer 503, and the listings that were there go on serving.
 */
class ListKeysMigrationTest {
    private static final String TENANT = "legacy-lists";

    private static Map<String, AttributeValue> legacy(Table table, String id, String time) {
        Map<String, AttributeValue> item = new HashMap<>(Store.key(table, TENANT, id));
        item.put("createdAt", AttributeValue.fromS(time));
        item.put("updatedAt", AttributeValue.fromS(time));
        item.put(Store.VERSION, AttributeValue.fromN("1"));
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** A customer as the API stored it before: a name key only. */
    private static void legacyCustomer(Store store, int i) {
        String id = "cus_" + String.format("%032d", i);
        Map<String, AttributeValue> item =
                legacy(Table.CUSTOMERS, id, "2025-01-01T00:00:" + String.format("%02d", i % 60) + "Z");
        item.put("name", s("Old " + i));
        item.put("industry", s(i % 2 == 0 ? "Retail" : "SaaS"));
        item.put("nameKey", s("old " + i + "#" + id));
        store.client().putItem(b -> b.tableName(store.name(Table.CUSTOMERS)).item(item));
    }

    /** An opportunity as the API stored it before: stage, owner and customer keys, a close key. */
    private static void legacyOpportunity(Store store, int i) {
        String id = "opp_" + String.format("%032d", i);
        Map<String, AttributeValue> item = legacy(Table.OPPORTUNITIES, id, "2025-02-01T00:00:00Z");
        item.put("customerId", s("cus_" + String.format("%032d", 0)));
        item.put("name", s("Old deal " + i));
        item.put(
                "amount",
                AttributeValue.fromM(
                        Map.of("value", AttributeValue.fromN(String.valueOf(1000 + i)), "currency", s("EUR"))));
        item.put("stage", s("proposal"));
        item.put("expectedCloseDate", s("2027-01-01"));
        item.put("ownerId", s("ann"));
        item.put("closeKey", s("2027-01-01#" + id));
        item.put("tenantStage", s(TENANT + "#proposal"));
        item.put("tenantOwner", s(TENANT + "#ann"));
        item.put("tenantCustomer", s(TENANT + "#cus_" + String.format("%032d", 0)));
        store.client().putItem(b -> b.tableName(store.name(Table.OPPORTUNITIES)).item(item));
    }

    /** An activity whose time key is the instant as stored, of varying width. */
    private static void legacyActivity(Store store, int i) {
        String id = "act_" + String.format("%032d", i);
        String when = i % 2 == 0 ? "2026-03-01T10:00:00Z" : "2026-03-01T10:00:00.5Z";
        Map<String, AttributeValue> item = legacy(Table.ACTIVITIES, id, when);
        item.put("customerId", s("cus_" + String.format("%032d", 0)));
        item.put("type", s("call"));
        item.put("subject", s("Call " + i));
        item.put("ownerId", s("ann"));
        item.put("occurredAt", s(when));
        item.put("occurredKey", s(when + "#" + id));
        item.put("tenantOwner", s(TENANT + "#ann"));
        item.put("tenantCustomer", s(TENANT + "#cus_" + String.format("%032d", 0)));
        store.client().putItem(b -> b.tableName(store.name(Table.ACTIVITIES)).item(item));
    }

    private static int count(Response response) {
        return JsonParser.parseString(response.body())
                .getAsJsonObject()
                .getAsJsonArray("items")
                .size();
    }

    /** One owner's activities, newest first: 1 for each at half a second past, 0 for each on the second. */
    private static List<Integer> halfSeconds(ServiceOnLocalDynamo api) {
        Response page = api.call(TENANT, "GET", "/v1/activities", Map.of("owner", "ann", "limit", "10"), null);
        List<Integer> halves = new java.util.ArrayList<>();
        JsonParser.parseString(page.body())
                .getAsJsonObject()
                .getAsJsonArray("items")
                .forEach(item -> halves.add(
                        item.getAsJsonObject().get("occurredAt").getAsString().endsWith(".5Z") ? 1 : 0));
        return halves;
    }

    @Test
    void oldItemsGetTheirListKeysAndTheNewListingsWaitForIt() {
        try (ServiceOnLocalDynamo api = new ServiceOnLocalDynamo()) {
            Store store = api.store;
            for (int i = 0; i < 150; i++) {
                legacyCustomer(store, i);
            }
            for (int i = 0; i < 30; i++) {
                legacyOpportunity(store, i);
            }
            for (int i = 0; i < 10; i++) {
                legacyActivity(store, i);
            }
            // An item put by hand without the fields its keys come from: counted as skipped, left as it is.
            store.client()
                    .putItem(b -> b.tableName(store.name(Table.OPPORTUNITIES))
                            .item(legacy(Table.OPPORTUNITIES, "opp_" + "f".repeat(32), "2025-02-01T00:00:00Z")));
            Response waiting =
                    api.call(TENANT, "GET", "/v1/customers", Map.of("industry", "retail", "limit", "100"), null);
            assertEquals(503, waiting.status(), waiting.body());
            assertEquals("300", waiting.headers().get("Retry-After"));
            assertTrue(waiting.body().contains("list-keys-customers"), waiting.body());
            assertEquals(
                    200,
                    api.call(TENANT, "GET", "/v1/customers", Map.of("q", "old 1"), null)
                            .status(),
                    "a listing whose index every item had goes on serving");
            assertEquals(
                    30,
                    count(api.call(
                            TENANT, "GET", "/v1/opportunities", Map.of("stage", "proposal", "limit", "100"), null)));

            MigrationState state = new MigrationState(store);
            ListKeysMigration customers = new ListKeysMigration(store, state, Table.CUSTOMERS);
            var first = customers.run(Duration.ZERO);
            assertEquals(new ListKeysMigration.Run(100, 100, 0, false), first, "no time left: one page, checkpointed");
            assertEquals(new ListKeysMigration.Run(50, 50, 0, true), customers.run(Duration.ofMinutes(1)));
            assertEquals(
                    new ListKeysMigration.Run(0, 0, 0, true), customers.run(Duration.ofMinutes(1)), "done: one read");
            assertEquals(
                    75,
                    count(api.call(
                            TENANT, "GET", "/v1/customers", Map.of("industry", "retail", "limit", "100"), null)));
            Response oldest = api.call(TENANT, "GET", "/v1/customers", Map.of("sort", "createdAt", "limit", "1"), null);
            assertTrue(
                    oldest.body().contains("\"version\":1"), "keys are not a change a client sees: " + oldest.body());

            assertEquals(
                    503,
                    api.call(TENANT, "GET", "/v1/opportunities", Map.of("currency", "EUR"), null)
                            .status(),
                    "each table's listings wait for their own table");
            assertEquals(
                    new ListKeysMigration.Run(31, 30, 1, true),
                    new ListKeysMigration(store, state, Table.OPPORTUNITIES).run(Duration.ofMinutes(1)));
            Response byAmount =
                    api.call(TENANT, "GET", "/v1/opportunities", Map.of("currency", "EUR", "limit", "1"), null);
            assertTrue(byAmount.body().contains("Old deal 29"), "largest amount first: " + byAmount.body());

            assertEquals(
                    List.of(0, 0, 0, 0, 0, 1, 1, 1, 1, 1),
                    halfSeconds(api),
                    "before: 10:00:00Z sorted after 10:00:00.5Z, since 'Z' follows '.'");
            assertEquals(
                    new ListKeysMigration.Run(10, 10, 0, true),
                    new ListKeysMigration(store, state, Table.ACTIVITIES).run(Duration.ofMinutes(1)));
            assertEquals(
                    List.of(1, 1, 1, 1, 1, 0, 0, 0, 0, 0),
                    halfSeconds(api),
                    "newest first once the keys are of one width");
            var activity = store.get(Table.ACTIVITIES, TENANT, "act_" + String.format("%032d", 1))
                    .orElseThrow();
            assertEquals(
                    "2026-03-01T10:00:00.500000000Z#act_" + String.format("%032d", 1),
                    activity.get("occurredKey").s());
        }
    }
}
