package com.zebros.crm;

import static com.zebros.crm.local.Api.admin;
import static com.zebros.crm.local.Api.delete;
import static com.zebros.crm.local.Api.get;
import static com.zebros.crm.local.Api.patch;
import static com.zebros.crm.local.Api.post;
import static com.zebros.crm.local.Api.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.local.Api;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A contact's e-mail and a customer's domain are unique per tenant, held by claims; batches create, update and upsert. */
class BatchAndUniquenessTest {
    private final String tenant = "batch-" + UUID.randomUUID();
    private final String token = admin(tenant);

    private String contact(String customer, String email) {
        var reply = post(
                "/v1/customers/" + customer + "/contacts",
                token,
                "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"" + email + "\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().get("id").getAsString();
    }

    @Test
    void aSecondContactWithTheSameEmailIsRefusedNamingTheFirstInAnyCase() {
        String customer = Api.customer(tenant, "Claims Inc");
        String first = contact(customer, "ada@claims.example");
        var second = post(
                "/v1/customers/" + customer + "/contacts",
                token,
                "{\"firstName\":\"Eve\",\"lastName\":\"Copy\",\"email\":\"ADA@Claims.Example\"}");
        assertEquals(409, second.status(), second.body());
        assertEquals("/v1/contacts/" + first, second.header("Location"));
        assertTrue(second.body().contains("\"field\":\"email\""), second.body());
        assertEquals(
                1,
                get("/v1/customers/" + customer + "/contacts", token)
                        .json()
                        .getAsJsonArray("items")
                        .size());

        String other = contact(customer, "eve@claims.example");
        assertEquals(
                409,
                patch("/v1/contacts/" + other, token, "{\"email\":\"ada@claims.example\"}", "If-Match", "\"1\"")
                        .status(),
                "nor can an update take a value another contact holds");
        assertEquals(
                200,
                patch("/v1/contacts/" + first, token, "{\"email\":\"ada@new.example\"}", "If-Match", "\"1\"")
                        .status());
        assertEquals(
                200,
                patch("/v1/contacts/" + other, token, "{\"email\":\"ada@claims.example\"}", "If-Match", "\"1\"")
                        .status(),
                "a value given up is free again");
        assertEquals(204, delete("/v1/contacts/" + other, token).status());
        contact(customer, "ada@claims.example");
        String elsewhere = "else-" + UUID.randomUUID();
        assertEquals(
                201,
                post(
                                "/v1/customers/" + Api.customer(elsewhere, "Else") + "/contacts",
                                admin(elsewhere),
                                "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"ada@claims.example\"}")
                        .status(),
                "another tenant's values are its own");
    }

    @Test
    void anotherTenantMayUseTheSameDomainAndItsClaimsAreItsOwn() {
        String bob = "bob-" + UUID.randomUUID();
        assertEquals(
                201,
                post("/v1/customers", token, "{\"name\":\"Acme\",\"domain\":\"acme.example\"}")
                        .status());
        assertEquals(
                201,
                post("/v1/customers", admin(bob), "{\"name\":\"Acme\",\"domain\":\"acme.example\"}")
                        .status());
        var again = post("/v1/customers", token, "{\"name\":\"Acme 2\",\"domain\":\"ACME.example\"}");
        assertEquals(409, again.status(), again.body());
        var bad = post("/v1/customers", token, "{\"name\":\"Bad\",\"domain\":\"https://acme.example/x\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("must be a domain"), bad.body());
    }

    @Test
    void twentyRacingCreatesOfOneEmailMakeExactlyOneContact() throws Exception {
        String customer = Api.customer(tenant, "Race Ltd");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            Callable<Integer> create = () -> {
                start.await();
                return post(
                                "/v1/customers/" + customer + "/contacts",
                                token,
                                "{\"firstName\":\"R" + n + "\",\"lastName\":\"Racer\",\"email\":\"race@race.example\"}")
                        .status();
            };
            replies.add(pool.submit(create));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> reply : replies) {
            statuses.add(reply.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
        assertEquals(
                1,
                get("/v1/customers/" + customer + "/contacts", token)
                        .json()
                        .getAsJsonArray("items")
                        .size());
    }

    @Test
    void anUpsertBatchCreatesWhatIsNewAndPatchesWhatExists() {
        String customer = Api.customer(tenant, "Upsert GmbH");
        String existing = contact(customer, "known@upsert.example");
        String body = "{\"mode\":\"upsert\",\"records\":["
                + "{\"customerId\":\"" + customer + "\",\"email\":\"KNOWN@upsert.example\",\"title\":\"CFO\"},"
                + "{\"customerId\":\"" + customer
                + "\",\"email\":\"new@upsert.example\",\"firstName\":\"New\",\"lastName\":\"Person\"},"
                + "{\"customerId\":\"" + customer + "\",\"firstName\":\"No\",\"lastName\":\"Email\"},"
                + "{\"customerId\":\"" + customer + "\",\"email\":\"new@upsert.example\",\"phone\":\"+1 555\"}]}";
        var reply = post("/v1/contacts/batch", token, body);
        assertEquals(200, reply.status(), reply.body());
        JsonObject json = reply.json();
        assertEquals(3, json.get("succeeded").getAsInt());
        assertEquals(1, json.get("failed").getAsInt());
        JsonArray results = json.getAsJsonArray("results");
        assertEquals(List.of(200, 201, 400, 200), statuses(results));
        JsonObject patched = results.get(0).getAsJsonObject().getAsJsonObject("item");
        assertEquals(existing, patched.get("id").getAsString());
        assertEquals("CFO", patched.get("title").getAsString());
        assertEquals("Ada", patched.get("firstName").getAsString(), "an upsert of an existing contact patches it");
        JsonObject created = results.get(1).getAsJsonObject().getAsJsonObject("item");
        assertEquals(
                created.get("id"),
                results.get(3).getAsJsonObject().getAsJsonObject("item").get("id"),
                "the batch's fourth record finds the contact its second created");
        assertEquals(
                "+1 555",
                get("/v1/contacts/" + created.get("id").getAsString(), token)
                        .json()
                        .get("phone")
                        .getAsString());
        assertTrue(results.get(2)
                .getAsJsonObject()
                .getAsJsonObject("problem")
                .toString()
                .contains("\"email\""));
        assertEquals(
                2,
                get("/v1/customers/" + customer + "/contacts", token)
                        .json()
                        .getAsJsonArray("items")
                        .size());
    }

    @Test
    void racingUpsertsOfOneDomainEndAsOneCreateAndUpdates() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            replies.add(pool.submit(() -> {
                start.await();
                return post(
                        "/v1/customers/batch",
                        token,
                        "{\"mode\":\"upsert\",\"records\":[{\"domain\":\"race.example\"," + "\"name\":\"Race " + n
                                + "\"}]}");
            }));
        }
        start.countDown();
        Set<String> ids = new HashSet<>();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Reply> reply : replies) {
            JsonObject result =
                    reply.get().json().getAsJsonArray("results").get(0).getAsJsonObject();
            statuses.add(result.get("status").getAsInt());
            if (result.has("item")) {
                ids.add(result.getAsJsonObject("item").get("id").getAsString());
            }
        }
        pool.shutdown();
        assertEquals(1, ids.size(), "one customer holds the domain: " + statuses);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(
                1, get("/v1/customers", token).json().getAsJsonArray("items").size());
    }

    @Test
    void createAndUpdateBatchesAnswerEachRecordAndAKeyedRetryReplaysTheBatch() {
        String key = "batch-key-" + UUID.randomUUID();
        String body =
                "{\"mode\":\"create\",\"records\":[{\"name\":\"One\"},{\"name\":\"\"},{\"name\":\"Three\",\"domain\":\"three.example\"}]}";
        var first = post("/v1/customers/batch", token, body, "Idempotency-Key", key);
        assertEquals(200, first.status(), first.body());
        assertEquals(List.of(201, 400, 201), statuses(first.json().getAsJsonArray("results")));
        var again = post("/v1/customers/batch", token, body, "Idempotency-Key", key);
        assertEquals(first.body(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(
                2, get("/v1/customers", token).json().getAsJsonArray("items").size(), "nothing created twice");

        String one = first.json()
                .getAsJsonArray("results")
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("item")
                .get("id")
                .getAsString();
        String three = first.json()
                .getAsJsonArray("results")
                .get(2)
                .getAsJsonObject()
                .getAsJsonObject("item")
                .get("id")
                .getAsString();
        var update = post(
                "/v1/customers/batch",
                token,
                "{\"mode\":\"update\",\"records\":["
                        + "{\"id\":\"" + one + "\",\"industry\":\"Retail\"},"
                        + "{\"id\":\"" + three + "\",\"version\":7,\"industry\":\"Stale\"},"
                        + "{\"id\":\"cus_missing\",\"industry\":\"None\"},"
                        + "{\"id\":\"" + three + "\",\"version\":1,\"domain\":null}]}");
        assertEquals(List.of(200, 412, 404, 200), statuses(update.json().getAsJsonArray("results")), update.body());
        assertEquals(
                "Retail",
                get("/v1/customers/" + one, token).json().get("industry").getAsString());
        assertEquals(
                201,
                post("/v1/customers", token, "{\"name\":\"Four\",\"domain\":\"three.example\"}")
                        .status(),
                "a domain removed by a batch update is free again");
    }

    @Test
    void badBatchesAreRefusedWholeAndRolesApply() {
        assertEquals(
                400,
                post("/v1/customers/batch", token, "{\"mode\":\"merge\",\"records\":[{}]}")
                        .status());
        assertEquals(
                400,
                post("/v1/customers/batch", token, "{\"mode\":\"create\",\"records\":[]}")
                        .status());
        assertEquals(
                400,
                post("/v1/customers/batch", token, "{\"mode\":\"create\",\"records\":[1]}")
                        .status());
        assertEquals(
                400,
                post(
                                "/v1/customers/batch",
                                token,
                                "{\"mode\":\"upsert\",\"records\":[{\"domain\":\"a.example\"}],\"atomic\":true}")
                        .status(),
                "an atomic upsert that would create a customer without its name writes nothing");
        assertEquals(
                400,
                post(
                                "/v1/customers/batch",
                                token,
                                "{\"mode\":\"create\",\"records\":[{\"name\":\"A\"}],\"atomic\":\"yes\"}")
                        .status());
        StringBuilder many = new StringBuilder("{\"mode\":\"create\",\"records\":[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\":\"N").append(i).append("\"}");
        }
        var tooMany = post("/v1/customers/batch", token, many.append("]}").toString());
        assertEquals(400, tooMany.status());
        assertTrue(tooMany.body().contains("1 to 100"), tooMany.body());
        assertEquals(
                403,
                post(
                                "/v1/customers/batch",
                                token(tenant, Principal.READ_ONLY),
                                "{\"mode\":\"create\",\"records\":[{\"name\":\"No\"}]}")
                        .status());
        assertEquals(
                0, get("/v1/customers", token).json().getAsJsonArray("items").size(), "nothing was written");
        String bobs = Api.customer("bob-" + UUID.randomUUID(), "Bob's");
        var foreign = post(
                "/v1/customers/batch",
                token,
                "{\"mode\":\"update\",\"records\":[{\"id\":\"" + bobs + "\",\"name\":\"Mine\"}]}");
        assertEquals(
                List.of(404),
                statuses(foreign.json().getAsJsonArray("results")),
                "another tenant's customer does not exist here");
        assertNotEquals(0, foreign.json().get("failed").getAsInt());
    }

    @Test
    void anAtomicBatchWritesEveryRecordOrNone() {
        String acme = Api.customer(tenant, "Atomic Inc");
        String good = "{\"mode\":\"create\",\"atomic\":true,\"records\":["
                + "{\"customerId\":\"" + acme
                + "\",\"firstName\":\"A\",\"lastName\":\"One\",\"email\":\"one@atomic.example\"},"
                + "{\"customerId\":\"" + acme
                + "\",\"firstName\":\"B\",\"lastName\":\"Two\",\"email\":\"two@atomic.example\"}]}";
        var written = post("/v1/contacts/batch", token, good);
        assertEquals(200, written.status(), written.body());
        assertEquals(List.of(201, 201), statuses(written.json().getAsJsonArray("results")));
        assertEquals(
                2,
                get("/v1/customers/" + acme + "/contacts", token)
                        .json()
                        .getAsJsonArray("items")
                        .size());

        // The second record's e-mail is taken: DynamoDB cancels the transaction, and the first is not written either.
        var taken = post(
                "/v1/contacts/batch",
                token,
                "{\"mode\":\"create\",\"atomic\":true,\"records\":["
                        + "{\"customerId\":\"" + acme
                        + "\",\"firstName\":\"C\",\"lastName\":\"Three\",\"email\":\"three@atomic.example\"},"
                        + "{\"customerId\":\"" + acme
                        + "\",\"firstName\":\"D\",\"lastName\":\"Four\",\"email\":\"ONE@atomic.example\"}]}");
        assertEquals(409, taken.status(), taken.body());
        assertTrue(taken.body().contains("records[1]"), taken.body());
        assertEquals(
                2,
                get("/v1/customers/" + acme + "/contacts", token)
                        .json()
                        .getAsJsonArray("items")
                        .size(),
                "nothing written");
        assertEquals(
                0,
                get("/v1/search?q=three", token)
                        .json()
                        .getAsJsonArray("contacts")
                        .size());

        var invalid = post(
                "/v1/contacts/batch",
                token,
                "{\"mode\":\"create\",\"atomic\":true,\"records\":["
                        + "{\"customerId\":\"" + acme
                        + "\",\"firstName\":\"E\",\"lastName\":\"Five\",\"email\":\"five@atomic.example\"},"
                        + "{\"customerId\":\"" + acme + "\",\"firstName\":\"\",\"lastName\":\"Six\"},"
                        + "{\"customerId\":\"" + acme
                        + "\",\"firstName\":\"G\",\"lastName\":\"Seven\",\"email\":\"FIVE@atomic.example\"}]}");
        assertEquals(400, invalid.status(), invalid.body());
        assertTrue(
                invalid.body().contains("records[1].firstName")
                        && invalid.body().contains("records[2].email")
                        && invalid.body().contains("repeats records[0]"),
                "every problem of every record: " + invalid.body());
        var orphan = post(
                "/v1/contacts/batch",
                token,
                "{\"mode\":\"create\",\"atomic\":true,\"records\":["
                        + "{\"customerId\":\"" + acme + "\",\"firstName\":\"H\",\"lastName\":\"Eight\"},"
                        + "{\"customerId\":\"cus_missing\",\"firstName\":\"G\",\"lastName\":\"Seven\"}]}");
        assertEquals(409, orphan.status(), "a customer that does not exist cancels the transaction: " + orphan.body());
        assertEquals(
                2,
                get("/v1/customers/" + acme + "/contacts", token)
                        .json()
                        .getAsJsonArray("items")
                        .size(),
                "still nothing written");

        StringBuilder many = new StringBuilder("{\"mode\":\"create\",\"atomic\":true,\"records\":[");
        for (int i = 0; i < 40; i++) {
            many.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"Many ")
                    .append(i)
                    .append("\",\"domain\":\"many-")
                    .append(i)
                    .append(".example\"}");
        }
        var tooMany = post("/v1/customers/batch", token, many.append("]}").toString());
        assertEquals(400, tooMany.status(), "40 customers with domains need 120 writes");
        assertTrue(tooMany.body().contains("at most 100"), tooMany.body());

        String key = "atomic-" + UUID.randomUUID();
        String body =
                "{\"mode\":\"create\",\"atomic\":true,\"records\":[{\"name\":\"Keyed 1\"},{\"name\":\"Keyed 2\"}]}";
        var first = post("/v1/customers/batch", token, body, "Idempotency-Key", key);
        var again = post("/v1/customers/batch", token, body, "Idempotency-Key", key);
        assertEquals(first.body(), again.body(), "a keyed batch is answered once");

        // An attempt whose transaction was written but which failed before storing its answer: its key's record is
        // gone once its lease has run out. The retry finds the batch written and answers with it, creating nothing.
        String lostKey = "atomic-lost-" + UUID.randomUUID();
        String lostBody =
                "{\"mode\":\"create\",\"atomic\":true,\"records\":[{\"name\":\"Lost 1\"},{\"name\":\"Lost 2\"}]}";
        var lost = post("/v1/customers/batch", token, lostBody, "Idempotency-Key", lostKey);
        forgetKey(lostKey);
        var retried = post("/v1/customers/batch", token, lostBody, "Idempotency-Key", lostKey);
        assertEquals(200, retried.status(), retried.body());
        assertEquals(
                lost.json()
                        .getAsJsonArray("results")
                        .get(1)
                        .getAsJsonObject()
                        .getAsJsonObject("item")
                        .get("id"),
                retried.json()
                        .getAsJsonArray("results")
                        .get(1)
                        .getAsJsonObject()
                        .getAsJsonObject("item")
                        .get("id"));
        assertEquals(
                2,
                get("/v1/search?q=lost", token)
                        .json()
                        .getAsJsonArray("customers")
                        .size(),
                "created once");
    }

    private static List<Integer> statuses(JsonArray results) {
        List<Integer> statuses = new ArrayList<>();
        results.forEach(r -> statuses.add(r.getAsJsonObject().get("status").getAsInt()));
        return statuses;
    }

    private JsonObject customer(String name, String domain) {
        var reply = post("/v1/customers", token, "{\"name\":\"" + name + "\",\"domain\":\"" + domain + "\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    /**
     * Removes the record of a batch's Idempotency-Key, as when an attempt wrote and then failed before it could store
     * its answer and the key's lease has run out.
     */
    private void forgetKey(String key) {
        var dynamo = Api.server().dynamo();
        dynamo.client()
                .deleteItem(b -> b.tableName(dynamo.names().get(com.zebros.crm.store.Table.JOBS))
                        .key(com.zebros.crm.store.Store.key(
                                com.zebros.crm.store.Table.JOBS,
                                tenant,
                                "idempotency#POST /v1/customers/batch#" + key)));
    }

    /** The field a problem document's first error names. */
    private static String firstErrorField(Api.Reply reply) {
        return reply.json()
                .getAsJsonArray("errors")
                .get(0)
                .getAsJsonObject()
                .get("field")
                .getAsString();
    }

    private JsonObject read(String id) {
        return get("/v1/customers/" + id, token).json();
    }

    /** Updates and upserts can be all-or-nothing too: every record written in one transaction, or none. */
    @Test
    void atomicUpdatesAndUpsertsWriteEveryRecordOrNone() {
        String a = customer("Atomic A", "a-" + tenant + ".example").get("id").getAsString();
        String b = customer("Atomic B", "b-" + tenant + ".example").get("id").getAsString();
        String c = customer("Atomic C", "c-" + tenant + ".example").get("id").getAsString();

        var both = post(
                "/v1/customers/batch",
                token,
                "{\"mode\":\"update\",\"atomic\":true,\"records\":[" + "{\"id\":\"" + a
                        + "\",\"industry\":\"Optics\"},{\"id\":\"" + b + "\",\"version\":1,\"industry\":\"Tools\"}]}");
        assertEquals(200, both.status(), both.body());
        assertEquals(2, both.json().get("succeeded").getAsInt());
        assertEquals("Optics", read(a).get("industry").getAsString());
        assertEquals(2, read(b).get("version").getAsInt());

        var stale = post(
                "/v1/customers/batch",
                token,
                "{\"mode\":\"update\",\"atomic\":true,\"records\":[" + "{\"id\":\"" + a
                        + "\",\"industry\":\"Lost\"},{\"id\":\"" + b + "\",\"version\":1,\"industry\":\"Lost\"}]}");
        assertEquals(400, stale.status(), stale.body());
        assertEquals("records[1].version", firstErrorField(stale));
        assertEquals("Optics", read(a).get("industry").getAsString(), "nothing written");

        var twice = post(
                "/v1/customers/batch",
                token,
                "{\"mode\":\"update\",\"atomic\":true,\"records\":[" + "{\"id\":\"" + a
                        + "\",\"phone\":\"1\"},{\"id\":\"" + a + "\",\"phone\":\"2\"}]}");
        assertEquals(400, twice.status(), twice.body());
        assertTrue(twice.body().contains("a transaction writes an item once"), twice.body());

        // B takes C's domain: refused by the claim's condition when the transaction runs, so A's change is not written.
        var taken = post(
                "/v1/customers/batch",
                token,
                "{\"mode\":\"update\",\"atomic\":true,\"records\":[" + "{\"id\":\"" + a
                        + "\",\"industry\":\"Lost\"},{\"id\":\"" + b + "\",\"domain\":\"c-" + tenant + ".example\"}]}");
        assertEquals(409, taken.status(), taken.body());
        assertEquals("records[1]", firstErrorField(taken));
        assertEquals("Optics", read(a).get("industry").getAsString(), "nothing written");
        assertEquals(
                c,
                get("/v1/search?q=c-" + tenant, token)
                        .json()
                        .getAsJsonArray("customers")
                        .get(0)
                        .getAsJsonObject()
                        .get("id")
                        .getAsString(),
                "C keeps its domain");

        var upsert = post(
                "/v1/customers/batch",
                token,
                "{\"mode\":\"upsert\",\"atomic\":true,\"records\":["
                        + "{\"domain\":\"A-" + tenant + ".example\",\"phone\":\"+1 555\"},"
                        + "{\"domain\":\"new-" + tenant + ".example\",\"name\":\"Atomic New\"}]}");
        assertEquals(200, upsert.status(), upsert.body());
        JsonArray results = upsert.json().getAsJsonArray("results");
        assertEquals(
                200, results.get(0).getAsJsonObject().get("status").getAsInt(), "the holder of A's domain, updated");
        assertEquals(
                a,
                results.get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("item")
                        .get("id")
                        .getAsString());
        assertEquals(201, results.get(1).getAsJsonObject().get("status").getAsInt(), "a new customer");
        assertEquals("+1 555", read(a).get("phone").getAsString());
        JsonObject entry = get("/v1/customers/" + a + "/history", token)
                .json()
                .getAsJsonArray("items")
                .get(0)
                .getAsJsonObject();
        assertEquals(
                "+1 555",
                entry.getAsJsonObject("changes")
                        .getAsJsonObject("phone")
                        .get("new")
                        .getAsString(),
                "the update's history entry is in the transaction");

        var invalid = post(
                "/v1/customers/batch",
                token,
                "{\"mode\":\"upsert\",\"atomic\":true,\"records\":[" + "{\"domain\":\"a-" + tenant
                        + ".example\",\"phone\":\"+1 999\"},{\"domain\":\"nameless-" + tenant + ".example\"}]}");
        assertEquals(400, invalid.status(), invalid.body());
        assertEquals("records[1].name", firstErrorField(invalid));
        assertEquals("+1 555", read(a).get("phone").getAsString(), "nothing written");

        // A keyed atomic update whose answer was lost is applied again by its retry: the same values, a new version.
        String key = "atomic-update-" + UUID.randomUUID();
        String body = "{\"mode\":\"update\",\"atomic\":true,\"records\":[{\"id\":\"" + a + "\",\"phone\":\"+1 777\"}]}";
        assertEquals(
                200,
                post("/v1/customers/batch", token, body, "Idempotency-Key", key).status());
        int written = read(a).get("version").getAsInt();
        forgetKey(key);
        var again = post("/v1/customers/batch", token, body, "Idempotency-Key", key);
        assertEquals(200, again.status(), again.body());
        assertEquals("+1 777", read(a).get("phone").getAsString());
        assertEquals(written + 1, read(a).get("version").getAsInt(), "applied again, at the next version");
    }
}
