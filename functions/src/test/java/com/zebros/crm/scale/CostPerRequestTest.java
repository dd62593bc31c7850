package com.zebros.crm.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.zebros.crm.http.Response;
import com.zebros.crm.obs.ConsumedCapacity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a request costs does not grow with the tenant's data: every route, run for a tenant and for one
 * ten times its size (TierData, the API's own items with real skew), consumes the same read and write
 * units (DynamoDB's own ReturnConsumedCapacity, as DynamoDB Local computes it), where every listing has
 * more than a page in both. A route whose DynamoDB calls grew with the data (a query of a whole
 * partition, a scan) fails here by the factor of ten. And no route reads more than a page's worth:
 * the units of reading its page of the largest items the tables hold, plus the single items around it.
 */
class CostPerRequestTest {
    private static final TierData.Size SMALL = new TierData.Size("small", 120, 360, 300, 1_000, 5);
    private static final TierData.Size LARGE = new TierData.Size("large", 1_200, 3_600, 3_000, 10_000, 5);

    private static ServiceOnLocalDynamo local;
    private static TierData.Tenant small;
    private static TierData.Tenant large;
    /** The largest item either tenant has, in DynamoDB's item size. */
    private static int largestItem;
    /** Single items a route reads beside its page: the parent it checks, the totals, its own item. */
    private static final int ITEMS_BESIDE_A_PAGE = 3;

    private static Map<String, Cost[]> costs;

    @BeforeAll
    static void start() {
        local = new ServiceOnLocalDynamo().migrated();
        TierData data = new TierData(local.dynamo.client(), local.dynamo.names());
        small = data.write("cost-small", SMALL, 7);
        large = data.write("cost-large", LARGE, 7);
        for (String table : local.dynamo.names().values()) {
            local.dynamo
                    .client()
                    .scanPaginator(b -> b.tableName(table))
                    .items()
                    .forEach(item -> largestItem = Math.max(largestItem, ItemSize.of(item)));
        }
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    /**
     * A page's worth: {@code limit} of the largest items read strongly consistent (1 unit per 4 KB of what a Query
     * reads, summed before rounding up), plus one unit each for the single items read beside it.
     * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
     */
    static double pageWorth(int limit) {
        return Math.ceil(limit * (double) largestItem / 4096) + ITEMS_BESIDE_A_PAGE;
    }

    /** One request's answer and what it consumed. */
    record Cost(int status, double reads, double writes) {}

    private static Cost call(
            TierData.Tenant tenant,
            String method,
            String path,
            Map<String, String> query,
            String body,
            String... headers) {
        Response response = local.call(tenant.id(), method, path, query, body, headers);
        return new Cost(response.status(), ConsumedCapacity.reads(), ConsumedCapacity.writes());
    }

    /** A route, given the tenant it runs for. */
    record Route(String name, Function<TierData.Tenant, Cost> run) {}

    private static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.add(new Route("GET /v1/customers", t -> call(t, "GET", "/v1/customers", Map.of(), null)));
        routes.add(new Route("GET /v1/customers?q=", t -> call(t, "GET", "/v1/customers", Map.of("q", "acme"), null)));
        routes.add(new Route(
                "GET /v1/customers/{id}",
                t -> call(t, "GET", "/v1/customers/" + t.busiestCustomers().get(0), Map.of(), null)));
        routes.add(new Route(
                "GET /v1/customers/{id}/contacts",
                t -> call(t, "GET", "/v1/customers/" + t.busiestCustomers().get(0) + "/contacts", Map.of(), null)));
        routes.add(new Route(
                "GET /v1/customers/{id}/opportunities",
                t -> call(
                        t, "GET", "/v1/customers/" + t.busiestCustomers().get(0) + "/opportunities", Map.of(), null)));
        routes.add(new Route(
                "GET /v1/customers/{id}/timeline",
                t -> call(t, "GET", "/v1/customers/" + t.busiestCustomers().get(0) + "/timeline", Map.of(), null)));
        routes.add(new Route(
                "GET /v1/contacts/{id}",
                t -> call(t, "GET", "/v1/contacts/" + t.contacts().get(0), Map.of(), null)));
        routes.add(new Route("GET /v1/opportunities", t -> call(t, "GET", "/v1/opportunities", Map.of(), null)));
        routes.add(new Route(
                "GET /v1/opportunities?stage=",
                t -> call(t, "GET", "/v1/opportunities", Map.of("stage", "prospecting"), null)));
        routes.add(new Route(
                "GET /v1/opportunities?owner=",
                t -> call(
                        t,
                        "GET",
                        "/v1/opportunities",
                        Map.of("owner", t.owners().get(0)),
                        null)));
        routes.add(new Route(
                "GET /v1/opportunities/{id}",
                t -> call(t, "GET", "/v1/opportunities/" + t.opportunities().get(0), Map.of(), null)));
        routes.add(new Route("GET /v1/pipeline", t -> call(t, "GET", "/v1/pipeline", Map.of(), null)));
        routes.add(
                new Route("GET /v1/analytics/win-rate", t -> call(t, "GET", "/v1/analytics/win-rate", Map.of(), null)));
        routes.add(new Route("GET /v1/activities", t -> call(t, "GET", "/v1/activities", Map.of(), null)));
        routes.add(new Route(
                "GET /v1/activities?owner=",
                t -> call(t, "GET", "/v1/activities", Map.of("owner", t.owners().get(0)), null)));
        routes.add(new Route(
                "GET /v1/customers?limit=100", t -> call(t, "GET", "/v1/customers", Map.of("limit", "100"), null)));
        routes.add(new Route(
                "GET /v1/activities?owner=&limit=100",
                t -> call(t, "GET", "/v1/activities", Map.of("owner", t.owners().get(0), "limit", "100"), null)));
        routes.add(new Route(
                "GET /v1/customers/{id}/timeline?limit=100",
                t -> call(
                        t,
                        "GET",
                        "/v1/customers/" + t.busiestCustomers().get(0) + "/timeline",
                        Map.of("limit", "100"),
                        null)));
        routes.add(new Route(
                "POST /v1/customers",
                t -> call(t, "POST", "/v1/customers", Map.of(), "{\"name\":\"Fresh Customer Ltd\"}")));
        routes.add(new Route(
                "POST /v1/customers/{id}/contacts",
                t -> call(
                        t,
                        "POST",
                        "/v1/customers/" + t.busiestCustomers().get(0) + "/contacts",
                        Map.of(),
                        "{\"firstName\":\"New\",\"lastName\":\"Contact\"}")));
        routes.add(
                new Route(
                        "POST /v1/opportunities",
                        t -> call(
                                t,
                                "POST",
                                "/v1/opportunities",
                                Map.of(),
                                "{\"customerId\":\""
                                        + t.busiestCustomers().get(1)
                                        + "\",\"name\":\"Deal x\",\"amount\":{\"value\":\"1000.00\",\"currency\":\"EUR\"},"
                                        + "\"stage\":\"proposal\",\"expectedCloseDate\":\"2027-01-01\",\"ownerId\":\"usr_000001\"}")));
        routes.add(new Route("PUT /v1/opportunities/{id}", t -> {
            String id = t.opportunities().get(1);
            var current = JsonParser.parseString(local.call(t.id(), "GET", "/v1/opportunities/" + id, Map.of(), null)
                            .body())
                    .getAsJsonObject();
            current.remove("id");
            String version = current.remove("version").getAsString();
            current.remove("createdAt");
            current.remove("updatedAt");
            current.addProperty("stage", "closed-won");
            return call(
                    t,
                    "PUT",
                    "/v1/opportunities/" + id,
                    Map.of(),
                    current.toString(),
                    "If-Match",
                    "\"" + version + "\"");
        }));
        routes.add(new Route(
                "POST /v1/activities",
                t -> call(
                        t,
                        "POST",
                        "/v1/activities",
                        Map.of(),
                        "{\"customerId\":\""
                                + t.busiestCustomers().get(0)
                                + "\",\"type\":\"call\",\"subject\":\"s\",\"occurredAt\":\"2026-11-02T10:00:00Z\","
                                + "\"ownerId\":\"usr_000001\"}")));
        routes.add(new Route(
                "DELETE /v1/customers/{id} (has items: 409)",
                t -> call(t, "DELETE", "/v1/customers/" + t.busiestCustomers().get(0), Map.of(), null)));
        routes.add(new Route(
                "DELETE /v1/opportunities/{id}",
                t -> call(t, "DELETE", "/v1/opportunities/" + t.opportunities().get(2), Map.of(), null)));
        routes.add(new Route("GET /v1/health", t -> call(t, "GET", "/v1/health", Map.of(), null)));
        return routes;
    }

    /** Each route run once for the small tenant and once for the large one (routes that delete can run only once). */
    private static Map<String, Cost[]> measured() {
        if (costs == null) {
            // Warm: the service's first pipeline read also reads the migrations' state, once.
            call(small, "GET", "/v1/pipeline", Map.of(), null);
            costs = new LinkedHashMap<>();
            for (Route route : routes()) {
                costs.put(
                        route.name(),
                        new Cost[] {route.run().apply(small), route.run().apply(large)});
            }
        }
        return costs;
    }

    @Test
    void everyRouteCostsTheSameAtTenTimesTheData() {
        List<String> grew = new ArrayList<>();
        StringBuilder table =
                new StringBuilder("route | status | read units small / large | write units small / large\n");
        measured().forEach((route, cost) -> {
            Cost a = cost[0];
            Cost b = cost[1];
            assertEquals(a.status(), b.status(), route);
            assertTrue(a.status() < 500, route + " answered " + a.status());
            table.append(String.format(
                    "%s | %d | %.1f / %.1f | %.1f / %.1f%n",
                    route, b.status(), a.reads(), b.reads(), a.writes(), b.writes()));
            // Item sizes differ by a digit or two between the tenants: half a unit either way is the same page.
            if (Math.abs(b.reads() - a.reads()) > 0.5 || Math.abs(b.writes() - a.writes()) > 0.5) {
                grew.add(route);
            }
        });
        local.out().print(table);
        assertEquals(List.of(), grew, "routes whose cost grew with ten times the data:\n" + table);
    }

    @Test
    void noRouteReadsMoreThanAPagesWorth() {
        assertTrue(largestItem > 100 && largestItem < 4096, "items of a realistic size: " + largestItem + " bytes");
        List<String> over = new ArrayList<>();
        measured().forEach((route, cost) -> {
            int limit = route.contains("limit=100") ? 100 : 25;
            if (cost[1].reads() > pageWorth(limit)) {
                over.add(route + ": " + cost[1].reads() + " units, a page of " + limit + " is " + pageWorth(limit));
            }
        });
        assertEquals(List.of(), over, "routes reading more than a page's worth");
    }
}
