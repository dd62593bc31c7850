package com.zebros.crm;

import static com.zebros.crm.local.Api.admin;
import static com.zebros.crm.local.Api.delete;
import static com.zebros.crm.local.Api.get;
import static com.zebros.crm.local.Api.post;
import static com.zebros.crm.local.Api.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.zebros.crm.local.Api;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Customers end to end over HTTP against DynamoDB Local. */
class CustomersApiTest {
    private final String tenant = "t-" + UUID.randomUUID();
    private final String token = admin(tenant);

    @Test
    void aCustomerIsCreatedReadUpdatedAndDeletedWithItsVersion() {
        var created = post(
                "/v1/customers",
                token,
                "{\"name\":\"Acme GmbH\",\"email\":\"sales@acme.example\",\"industry\":\"tools\"}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").getAsString();
        assertEquals("\"1\"", created.header("ETag"));
        assertEquals("/v1/customers/" + id, created.header("Location"));
        assertEquals(1, created.json().get("version").getAsInt());

        var read = get("/v1/customers/" + id, token);
        assertEquals(200, read.status());
        assertEquals("Acme GmbH", read.json().get("name").getAsString());
        assertNull(read.json().get("nameKey"), "derived keys never leave the API");

        var updated = put(
                "/v1/customers/" + id,
                token,
                "{\"name\":\"Acme AG\",\"email\":\"sales@acme.example\"}",
                "If-Match",
                "\"1\"");
        assertEquals(200, updated.status(), updated.body());
        assertEquals(2, updated.json().get("version").getAsInt());
        assertEquals("\"2\"", updated.header("ETag"));

        assertEquals(
                204, delete("/v1/customers/" + id, token, "If-Match", "\"2\"").status());
        assertEquals(404, get("/v1/customers/" + id, token).status());
    }

    @Test
    void aStaleUpdateIs412AndNamesTheCurrentVersion() {
        String id = Api.customer(tenant, "Stale Ltd");
        assertEquals(
                200,
                put("/v1/customers/" + id, token, "{\"name\":\"First\"}", "If-Match", "\"1\"")
                        .status());
        var stale = put("/v1/customers/" + id, token, "{\"name\":\"Second\"}", "If-Match", "\"1\"");
        assertEquals(412, stale.status());
        assertEquals("\"2\"", stale.header("ETag"));
        assertEquals("application/problem+json", stale.header("Content-Type"));
        assertEquals(
                "First", get("/v1/customers/" + id, token).json().get("name").getAsString(), "nothing was lost");
    }

    @Test
    void anUpdateWithoutIfMatchIs428() {
        String id = Api.customer(tenant, "Careless Inc");
        assertEquals(428, put("/v1/customers/" + id, token, "{\"name\":\"X\"}").status());
    }

    @Test
    void validationNamesEveryBadField() {
        var reply = post("/v1/customers", token, "{\"email\":\"not-an-email\",\"website\":7,\"color\":\"red\"}");
        assertEquals(400, reply.status());
        assertEquals("application/problem+json", reply.header("Content-Type"));
        Set<String> fields = new HashSet<>();
        for (JsonElement e : reply.json().getAsJsonArray("errors")) {
            fields.add(e.getAsJsonObject().get("field").getAsString());
        }
        assertEquals(Set.of("name", "email", "website", "color"), fields);
    }

    @Test
    void everyClassOfBadInputIsA4xxNeverA5xx() {
        assertEquals(400, post("/v1/customers", token, "{not json").status(), "malformed JSON");
        assertEquals(400, post("/v1/customers", token, "[1,2]").status(), "not an object");
        assertEquals(
                413,
                post("/v1/customers", token, "{\"name\":\"" + "x".repeat(300_000) + "\"}")
                        .status(),
                "oversize");
        assertEquals(400, get("/v1/customers?colour=blue", token).status(), "unknown query parameter");
        assertEquals(400, get("/v1/customers?cursor=not-a-cursor", token).status(), "bad cursor");
        assertEquals(400, get("/v1/customers?limit=0", token).status(), "limit out of range");
        assertEquals(400, get("/v1/customers?limit=ten", token).status(), "limit not a number");
        assertEquals(404, get("/v1/customers/cus_doesnotexist", token).status(), "unknown id");
        assertEquals(404, get("/v1/nothing-here", token).status(), "unknown path");
        var method = Api.send("PATCH", "/v1/customers", token, "{}");
        assertEquals(405, method.status());
        assertEquals("GET, POST", method.header("Allow"));
        assertEquals(
                400,
                put("/v1/customers/x", token, "{\"name\":\"X\"}", "If-Match", "\"abc\"")
                        .status(),
                "bad If-Match");
    }

    @Test
    void listingPagesThroughEveryCustomerWithACursor() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(Api.customer(tenant, "Paged " + i));
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = get("/v1/customers?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertEquals(200, page.status(), page.body());
            page.json()
                    .getAsJsonArray("items")
                    .forEach(i -> seen.add(i.getAsJsonObject().get("id").getAsString()));
            JsonElement next = page.json().get("nextCursor");
            cursor = next.isJsonNull() ? null : next.getAsString();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(created, seen);
        assertTrue(pages >= 3, "7 items in pages of 3");
    }

    @Test
    void searchFindsCustomersByNamePrefixWhateverTheCase() {
        Api.customer(tenant, "Globex Corporation");
        Api.customer(tenant, "Globetrotter Travel");
        Api.customer(tenant, "Initech");
        var reply = get("/v1/customers?q=GLOB", token);
        assertEquals(200, reply.status());
        assertEquals(2, reply.json().getAsJsonArray("items").size());
    }

    @Test
    void aPostWithAnIdempotencyKeyCreatesOnceAndReplaysTheAnswer() {
        String key = "create-" + UUID.randomUUID();
        String body = "{\"name\":\"Once Only\"}";
        var first = post("/v1/customers", token, body, "Idempotency-Key", key);
        var again = post("/v1/customers", token, body, "Idempotency-Key", key);
        assertEquals(201, first.status());
        assertEquals(201, again.status());
        assertEquals(first.json().get("id"), again.json().get("id"), "the same customer, not a second one");
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(
                1,
                get("/v1/customers?q=once", token)
                        .json()
                        .getAsJsonArray("items")
                        .size());
        assertEquals(
                422,
                post("/v1/customers", token, "{\"name\":\"Other\"}", "Idempotency-Key", key)
                        .status(),
                "the same key with another body");
    }

    @Test
    void healthNeedsNoTokenAndChecksEveryTable() {
        var reply = get("/v1/health", null);
        assertEquals(200, reply.status());
        assertEquals("ok", reply.json().get("status").getAsString());
        assertEquals(5, reply.json().getAsJsonObject("checks").size());
    }
}
