package com.zebros.crm.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.crm.crm.PipelineTotals;
import com.zebros.crm.http.Response;
import com.zebros.crm.local.LocalDynamo;
import com.zebros.crm.migrate.MigrationState;
import com.zebros.crm.migrate.PipelineTotalsMigration;
import com.zebros.crm.obs.ConsumedCapacity;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The pipeline's totals through the migration that brings existing data to them, on DynamoDB Local:
 * opportunities written the way the API wrote them before (no totals), the migration run a page at a
 * time with API creates, updates and deletes between its runs, then the totals held to a recount of the
 * table for every tenant, the pipeline and win rate answering from one item, a second migration run
 * doing nothing.
 */
class PipelineTotalsTest {
    private static final List<String> STAGES =
            List.of("prospecting", "qualification", "proposal", "negotiation", "closed-won", "closed-lost");
    private static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY");
    private static ServiceOnLocalDynamo local;
    private static Store store;
    private static LocalDynamo dynamo;

    @BeforeAll
    static void start() {
        local = new ServiceOnLocalDynamo();
        store = local.store;
        dynamo = local.dynamo;
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static Response call(String method, String path, String body, String tenant, String... headers) {
        return local.call(tenant, method, path, Map.of(), body, headers);
    }

    /** An opportunity as the API stored it before the totals: no "counted". */
    private static String legacyOpportunity(String tenant, String customer, Random random) {
        String id = "opp_" + String.format("%032x", random.nextLong() & Long.MAX_VALUE);
        Map<String, AttributeValue> item = new HashMap<>(Store.key(Table.OPPORTUNITIES, tenant, id));
        String stage = STAGES.get(random.nextInt(STAGES.size()));
        item.put("customerId", AttributeValue.fromS(customer));
        item.put("name", AttributeValue.fromS("Legacy"));
        item.put(
                "amount",
                AttributeValue.fromM(Map.of(
                        "value",
                        AttributeValue.fromN(random.nextInt(100000) + "." + (10 + random.nextInt(90))),
                        "currency",
                        AttributeValue.fromS(CURRENCIES.get(random.nextInt(CURRENCIES.size()))))));
        item.put("stage", AttributeValue.fromS(stage));
        item.put("expectedCloseDate", AttributeValue.fromS("2027-01-15"));
        item.put("ownerId", AttributeValue.fromS("owner-" + random.nextInt(3)));
        item.put("createdAt", AttributeValue.fromS("2026-01-01T00:00:00Z"));
        item.put("updatedAt", AttributeValue.fromS("2026-01-01T00:00:00Z"));
        item.put("closeKey", AttributeValue.fromS("2027-01-15#" + id));
        item.put("tenantStage", AttributeValue.fromS(tenant + "#" + stage));
        item.put(
                "tenantOwner",
                AttributeValue.fromS(tenant + "#" + item.get("ownerId").s()));
        item.put("tenantCustomer", AttributeValue.fromS(tenant + "#" + customer));
        item.put(Store.VERSION, AttributeValue.fromN("1"));
        dynamo.client()
                .putItem(b -> b.tableName(store.name(Table.OPPORTUNITIES)).item(item));
        return id;
    }

    /** Count and amount per stage and currency, recounted from every opportunity of the tenant. */
    private static Map<String, Map<String, PipelineTotals.Total>> recount(String tenant) {
        Map<String, Map<String, PipelineTotals.Total>> totals = new TreeMap<>();
        for (var item : store.all(Table.OPPORTUNITIES, null, Table.TENANT, tenant, List.of("stage", "amount"))) {
            var amount = item.get("amount").m();
            totals.computeIfAbsent(item.get("stage").s(), s -> new TreeMap<>())
                    .merge(
                            amount.get("currency").s(),
                            new PipelineTotals.Total(
                                    1, new BigDecimal(amount.get("value").n())),
                            (a, b) -> new PipelineTotals.Total(
                                    a.count() + b.count(), a.amount().add(b.amount())));
        }
        return totals;
    }

    private static Map<String, Map<String, BigDecimal>> comparable(
            Map<String, Map<String, PipelineTotals.Total>> totals) {
        Map<String, Map<String, BigDecimal>> out = new TreeMap<>();
        totals.forEach((stage, byCurrency) ->
                byCurrency.forEach((currency, t) -> out.computeIfAbsent(stage, s -> new TreeMap<>())
                        .put(currency + " x" + t.count(), t.amount().stripTrailingZeros())));
        return out;
    }

    /** The hourly function, built from its environment as Lambda builds it, runs the migration to the end. */
    @Test
    void theMigrationsFunctionRunsWhatIsNotDone() {
        try (LocalDynamo fresh = new LocalDynamo()) {
            Store freshStore = new Store(fresh.client(), fresh.names());
            Map<String, AttributeValue> item =
                    new HashMap<>(Store.key(Table.OPPORTUNITIES, "handler-tenant", "opp_" + "1".repeat(32)));
            item.put("stage", AttributeValue.fromS("proposal"));
            item.put(
                    "amount",
                    AttributeValue.fromM(
                            Map.of("value", AttributeValue.fromN("10.00"), "currency", AttributeValue.fromS("EUR"))));
            item.put(Store.VERSION, AttributeValue.fromN("1"));
            fresh.client()
                    .putItem(b ->
                            b.tableName(freshStore.name(Table.OPPORTUNITIES)).item(item));
            var handler = new com.zebros.crm.lambda.MigrationsHandler(freshStore);
            Map<String, Object> result = handler.handleRequest(Map.of(), null);
            assertEquals(Map.of("scanned", 1L, "counted", 1L, "done", true), result.get("pipeline-totals"));
            var totals = PipelineTotals.read(freshStore, new MigrationState(freshStore), "handler-tenant")
                    .orElseThrow();
            assertEquals(1, totals.get("proposal").get("EUR").count());
            assertEquals(
                    Map.of("scanned", 0L, "counted", 0L, "done", true),
                    handler.handleRequest(Map.of(), null).get("pipeline-totals"),
                    "a done migration costs one read");
        }
    }

    @Test
    void theMigrationCountsEveryOpportunityOnceWhileTheApiWrites() {
        Random random = new Random(24);
        List<String> tenants = List.of("totals-big", "totals-small", "totals-other");
        Map<String, List<String>> legacy = new HashMap<>();
        Map<String, String> customers = new HashMap<>();
        for (String tenant : tenants) {
            String customer = JsonParser.parseString(call("POST", "/v1/customers", "{\"name\":\"C\"}", tenant)
                            .body())
                    .getAsJsonObject()
                    .get("id")
                    .getAsString();
            customers.put(tenant, customer);
            int n = tenant.equals("totals-big") ? 260 : 15;
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(legacyOpportunity(tenant, customer, random));
            }
            legacy.put(tenant, ids);
        }
        String before = call("GET", "/v1/pipeline", null, "totals-big").body();

        MigrationState state = new MigrationState(store);
        PipelineTotalsMigration migration = new PipelineTotalsMigration(store, state);
        var first = migration.run(Duration.ZERO);
        assertFalse(first.done(), "one page, then the budget is spent");
        assertEquals(
                before, call("GET", "/v1/pipeline", null, "totals-big").body(), "until done, the old way, same answer");

        // The API writes between the migration's runs: updates and deletes of counted and uncounted items, creates.
        List<String> big = legacy.get("totals-big");
        for (int i = 0; i < 40; i++) {
            String id = big.get(random.nextInt(big.size()));
            Response current = call("GET", "/v1/opportunities/" + id, null, "totals-big");
            if (current.status() != 200) {
                continue;
            }
            JsonObject json = JsonParser.parseString(current.body()).getAsJsonObject();
            if (i % 3 == 0) {
                assertEquals(
                        204,
                        call("DELETE", "/v1/opportunities/" + id, null, "totals-big")
                                .status());
            } else {
                String stage = STAGES.get(random.nextInt(STAGES.size()));
                String body = "{\"customerId\":\"" + customers.get("totals-big")
                        + "\",\"name\":\"Moved\",\"amount\":{\"value\":\""
                        + (1 + random.nextInt(5000)) + ".50\",\"currency\":\"" + CURRENCIES.get(random.nextInt(3))
                        + "\"},\"stage\":\""
                        + stage + "\",\"expectedCloseDate\":\"2027-03-01\",\"ownerId\":\"owner-1\"}";
                Response updated = call(
                        "PUT",
                        "/v1/opportunities/" + id,
                        body,
                        "totals-big",
                        "If-Match",
                        "\"" + json.get("version") + "\"");
                assertEquals(200, updated.status(), updated.body());
            }
            Response created = call(
                    "POST",
                    "/v1/opportunities",
                    "{\"customerId\":\"" + customers.get("totals-big")
                            + "\",\"name\":\"New\",\"amount\":{\"value\":\"" + (i + 1)
                            + ".25\",\"currency\":\"EUR\"},\"stage\":\"proposal\","
                            + "\"expectedCloseDate\":\"2027-04-01\",\"ownerId\":\"owner-2\"}",
                    "totals-big");
            assertEquals(201, created.status(), created.body());
            if (i % 10 == 0) {
                migration.run(Duration.ZERO);
            }
        }

        var last = migration.run(Duration.ofMinutes(1));
        assertTrue(last.done());
        for (String tenant : tenants) {
            var kept = PipelineTotals.read(store, state, tenant).orElseThrow();
            assertEquals(
                    comparable(recount(tenant)), comparable(kept), tenant + ": the totals are a recount of the table");
        }
        var again = migration.run(Duration.ofMinutes(1));
        assertEquals(new PipelineTotalsMigration.Run(0, 0, true), again, "done stays done");

        // The answers now come from two items: the same read units for 15 opportunities as for 280. (The first read
        // of a service also reads the migration's state, once.)
        call("GET", "/v1/pipeline", null, "totals-small");
        call("GET", "/v1/pipeline", null, "totals-small");
        double small = ConsumedCapacity.reads();
        Response pipeline = call("GET", "/v1/pipeline", null, "totals-big");
        double large = ConsumedCapacity.reads();
        assertEquals(200, pipeline.status());
        assertEquals(small, large, "the pipeline's read units do not grow with the opportunities");
        assertTrue(
                large <= 1.5, "two items read, the totals (consistent) and the tenant's stages (eventually): " + large);
        Response winRate = call("GET", "/v1/analytics/win-rate", null, "totals-big");
        var recounted = recount("totals-big");
        long won = recounted.getOrDefault("closed-won", Map.of()).values().stream()
                .mapToLong(PipelineTotals.Total::count)
                .sum();
        assertEquals(
                won,
                JsonParser.parseString(winRate.body())
                        .getAsJsonObject()
                        .get("won")
                        .getAsLong());
    }
}
