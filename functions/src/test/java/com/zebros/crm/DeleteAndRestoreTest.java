package com.zebros.crm;

import static com.zebros.crm.local.Api.admin;
import static com.zebros.crm.local.Api.delete;
import static com.zebros.crm.local.Api.get;
import static com.zebros.crm.local.Api.post;
import static com.zebros.crm.local.Api.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.local.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deletes are kept 30 days and restored as they were; lists, indexes and the pipeline never see a deleted item. */
class DeleteAndRestoreTest {
    private final String tenant = "trash-" + UUID.randomUUID();
    private final String token = admin(tenant);

    private String opportunity(String customer, String amount) {
        var reply = post(
                "/v1/opportunities",
                token,
                "{\"customerId\":\"" + customer + "\",\"name\":\"Deal\","
                        + "\"amount\":{\"value\":\"" + amount + "\",\"currency\":\"EUR\"},\"stage\":\"proposal\","
                        + "\"expectedCloseDate\":\"2027-02-01\",\"ownerId\":\"owner-1\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().get("id").getAsString();
    }

    private int proposalCount() {
        return get("/v1/pipeline", token)
                .json()
                .getAsJsonArray("stages")
                .get(2)
                .getAsJsonObject()
                .get("count")
                .getAsInt();
    }

    @Test
    void aDeletedOpportunityLeavesListsAndThePipelineAndComesBackAsItWas() {
        String customer = Api.customer(tenant, "Restore Co");
        String kept = opportunity(customer, "100.00");
        String deleted = opportunity(customer, "250.00");
        assertEquals(2, proposalCount());
        assertEquals(204, delete("/v1/opportunities/" + deleted, token).status());

        assertEquals(404, get("/v1/opportunities/" + deleted, token).status());
        assertEquals(1, proposalCount(), "the pipeline never counts a deleted opportunity");
        assertEquals(
                List.of(kept),
                ids(get("/v1/customers/" + customer + "/opportunities", token).json()));
        assertEquals(
                List.of(kept),
                ids(get("/v1/opportunities?stage=proposal", token).json()));
        JsonArray trash = get("/v1/deleted?entity=opportunity", token).json().getAsJsonArray("items");
        assertEquals(1, trash.size());
        JsonObject entry = trash.get(0).getAsJsonObject();
        assertEquals(deleted, entry.get("id").getAsString());
        assertEquals("user-of-" + tenant, entry.get("deletedBy").getAsString());
        assertEquals(
                "250.00",
                entry.getAsJsonObject("item")
                        .getAsJsonObject("amount")
                        .get("value")
                        .getAsString());

        var restored = post("/v1/opportunities/" + deleted + "/restore", token, null);
        assertEquals(200, restored.status(), restored.body());
        assertEquals("\"3\"", restored.header("ETag"), "version 1, its delete 2, its restore 3");
        assertEquals(
                "250.00",
                get("/v1/opportunities/" + deleted, token)
                        .json()
                        .getAsJsonObject("amount")
                        .get("value")
                        .getAsString());
        assertEquals(2, proposalCount(), "back in the pipeline");
        assertEquals(
                2, ids(get("/v1/opportunities?stage=proposal", token).json()).size(), "back in its indexes");
        assertEquals(0, get("/v1/deleted", token).json().getAsJsonArray("items").size());
        assertEquals(
                404,
                post("/v1/opportunities/" + deleted + "/restore", token, null).status(),
                "restored once: nothing left to restore");
        assertEquals(
                412,
                Api.patch("/v1/opportunities/" + deleted, token, "{\"name\":\"Stale\"}", "If-Match", "\"1\"")
                        .status(),
                "an ETag read before the delete is stale");
        List<String> actions = new ArrayList<>();
        get("/v1/opportunities/" + deleted + "/history", token)
                .json()
                .getAsJsonArray("items")
                .forEach(e -> actions.add(e.getAsJsonObject().get("action").getAsString()));
        assertEquals(List.of("restored", "deleted", "created"), actions);
    }

    @Test
    void aContactIsRestoredOnlyWithItsCustomerAndItsEmailIfStillFree() {
        String customer = Api.customer(tenant, "Parent Ltd");
        String contact = post(
                        "/v1/customers/" + customer + "/contacts",
                        token,
                        "{\"firstName\":\"Ada\",\"lastName\":\"L\",\"email\":\"ada@parent.example\"}")
                .json()
                .get("id")
                .getAsString();
        assertEquals(204, delete("/v1/contacts/" + contact, token).status());
        String successor = post(
                        "/v1/customers/" + customer + "/contacts",
                        token,
                        "{\"firstName\":\"Ada\",\"lastName\":\"Two\",\"email\":\"ada@parent.example\"}")
                .json()
                .get("id")
                .getAsString();
        var taken = post("/v1/contacts/" + contact + "/restore", token, null);
        assertEquals(409, taken.status(), "its e-mail belongs to another contact now: " + taken.body());
        assertEquals("/v1/contacts/" + successor, taken.header("Location"));
        assertEquals(204, delete("/v1/contacts/" + successor, token).status());

        assertEquals(
                204,
                delete("/v1/customers/" + customer, token).status(),
                "a customer with no contacts left is deleted");
        var orphan = post("/v1/contacts/" + contact + "/restore", token, null);
        assertEquals(400, orphan.status(), orphan.body());
        assertTrue(orphan.body().contains("customerId"), orphan.body());
        assertEquals(
                200, post("/v1/customers/" + customer + "/restore", token, null).status());
        assertEquals(
                200,
                post("/v1/contacts/" + contact + "/restore", token, null).status(),
                "with its customer back, it is");
        assertEquals(
                "ada@parent.example",
                get("/v1/contacts/" + contact, token).json().get("email").getAsString());
    }

    @Test
    void restoringNeedsTheDeleteRoleAndStaysInItsTenant() {
        String customer = Api.customer(tenant, "Roles Trash");
        assertEquals(204, delete("/v1/customers/" + customer, token).status());
        assertEquals(
                403,
                post("/v1/customers/" + customer + "/restore", token(tenant, Principal.USER), null)
                        .status());
        String bob = "bob-" + UUID.randomUUID();
        assertEquals(
                404,
                post("/v1/customers/" + customer + "/restore", admin(bob), null).status());
        assertEquals(
                0, get("/v1/deleted", admin(bob)).json().getAsJsonArray("items").size());
        assertEquals(200, get("/v1/deleted", token(tenant, Principal.READ_ONLY)).status());
        assertEquals(400, get("/v1/deleted?entity=invoice", token).status());
        assertEquals(404, post("/v1/customers/cus_never/restore", token, null).status());
        assertEquals(
                200,
                post("/v1/customers/" + customer + "/restore", token(tenant, Principal.MANAGER), null)
                        .status());
    }

    /** DynamoDB's time to live removes an expired item within days, not at once: the read itself checks the time. */
    @Test
    void anItemDeletedMoreThanThirtyDaysAgoIsNotRestoredEvenIfTheTableStillHoldsIt() {
        String customer = Api.customer(tenant, "Expired Inc");
        assertEquals(204, delete("/v1/customers/" + customer, token).status());
        var dynamo = Api.server().dynamo();
        var key = com.zebros.crm.store.Store.key(
                com.zebros.crm.store.Table.JOBS, tenant, "#deleted#customer#" + customer);
        long expired = java.time.Instant.now()
                .minus(java.time.Duration.ofDays(31))
                .plus(com.zebros.crm.crm.Trash.RETENTION)
                .getEpochSecond();
        dynamo.client()
                .updateItem(b -> b.tableName(dynamo.names().get(com.zebros.crm.store.Table.JOBS))
                        .key(key)
                        .updateExpression("SET expiresAt = :t")
                        .expressionAttributeValues(java.util.Map.of(
                                ":t",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(
                                        String.valueOf(expired)))));
        assertEquals(
                404, post("/v1/customers/" + customer + "/restore", token, null).status());
        assertEquals(0, get("/v1/deleted", token).json().getAsJsonArray("items").size(), "nor listed");
    }

    private static List<String> ids(JsonObject page) {
        List<String> ids = new ArrayList<>();
        page.getAsJsonArray("items")
                .forEach(i -> ids.add(i.getAsJsonObject().get("id").getAsString()));
        return ids;
    }
}
