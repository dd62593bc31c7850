package com.zebros.crm;

import static com.zebros.crm.local.Api.admin;
import static com.zebros.crm.local.Api.get;
import static com.zebros.crm.local.Api.patch;
import static com.zebros.crm.local.Api.post;
import static com.zebros.crm.local.Api.put;
import static com.zebros.crm.local.Api.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.local.Api;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PATCH with JSON Merge Patch on every entity, beside PUT's full replacement, against DynamoDB Local. */
class PartialUpdatesTest {
    private final String tenant = "patch-" + UUID.randomUUID();
    private final String token = admin(tenant);

    private JsonObject customer() {
        var reply = post(
                "/v1/customers",
                token,
                "{\"name\":\"Acme\",\"email\":\"info@acme.example\",\"phone\":\"+49 30 1\","
                        + "\"industry\":\"Tools\",\"website\":\"https://acme.example\",\"ownerId\":\"owner-1\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void aPatchChangesOnlyTheFieldsItNamesWhereAPutReplacesTheWholeItem() {
        String id = customer().get("id").getAsString();
        var patched = patch("/v1/customers/" + id, token, "{\"name\":\"Acme Corp\"}", "If-Match", "\"1\"");
        assertEquals(200, patched.status(), patched.body());
        JsonObject after = get("/v1/customers/" + id, token).json();
        assertEquals("Acme Corp", after.get("name").getAsString());
        assertEquals("info@acme.example", after.get("email").getAsString());
        assertEquals("Tools", after.get("industry").getAsString());
        assertEquals(2, after.get("version").getAsLong());
        assertEquals("\"2\"", patched.header("ETag"));

        var replaced = put("/v1/customers/" + id, token, "{\"name\":\"Acme Ltd\"}", "If-Match", "\"2\"");
        assertEquals(200, replaced.status(), replaced.body());
        assertFalse(replaced.json().has("email"), "PUT replaces: a field it leaves out is gone");
        assertFalse(replaced.json().has("industry"));
    }

    @Test
    void nullRemovesAFieldAndARequiredFieldCannotBeRemoved() {
        String id = customer().get("id").getAsString();
        var removed = patch("/v1/customers/" + id, token, "{\"phone\":null,\"website\":null}", "If-Match", "\"1\"");
        assertEquals(200, removed.status(), removed.body());
        assertFalse(removed.json().has("phone"));
        assertFalse(removed.json().has("website"));
        assertEquals("info@acme.example", removed.json().get("email").getAsString());

        var refused = patch(
                "/v1/customers/" + id, token, "{\"name\":null,\"email\":\"not-an-address\"}", "If-Match", "\"2\"");
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("\"name\"") && refused.body().contains("is required"), refused.body());
        assertTrue(refused.body().contains("\"email\""), "every problem at once: " + refused.body());
        assertEquals(
                2,
                get("/v1/customers/" + id, token).json().get("version").getAsLong(),
                "a refused patch changes nothing");
    }

    @Test
    void anAmountMergesMemberByMemberAndThePipelineFollows() {
        String customer = customer().get("id").getAsString();
        var created = post(
                "/v1/opportunities",
                token,
                "{\"customerId\":\"" + customer + "\",\"name\":\"Deal\","
                        + "\"amount\":{\"value\":\"1000.00\",\"currency\":\"EUR\"},\"stage\":\"proposal\","
                        + "\"expectedCloseDate\":\"2027-01-31\",\"ownerId\":\"owner-1\"}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").getAsString();

        var moved = patch(
                "/v1/opportunities/" + id,
                token,
                "{\"amount\":{\"currency\":\"USD\"},\"stage\":\"negotiation\"}",
                "If-Match",
                "\"1\"",
                "Content-Type",
                "application/merge-patch+json");
        assertEquals(200, moved.status(), moved.body());
        assertEquals(
                "{\"value\":\"1000.00\",\"currency\":\"USD\"}",
                moved.json().get("amount").toString());
        assertEquals("Deal", moved.json().get("name").getAsString());

        var stages = get("/v1/pipeline", token).json().getAsJsonArray("stages");
        JsonObject proposal = stages.get(2).getAsJsonObject();
        JsonObject negotiation = stages.get(3).getAsJsonObject();
        assertEquals(0, proposal.get("count").getAsInt());
        assertEquals(1, negotiation.get("count").getAsInt());
        assertEquals(
                "[{\"value\":\"1000.00\",\"currency\":\"USD\"}]",
                negotiation.getAsJsonArray("amounts").toString());
    }

    @Test
    void contactsAndActivitiesArePatchedAndTheirCustomerCannotChange() {
        String customer = customer().get("id").getAsString();
        var contact = post(
                "/v1/customers/" + customer + "/contacts",
                token,
                "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@acme.example\",\"title\":\"CTO\"}");
        String contactId = contact.json().get("id").getAsString();
        var titled = patch("/v1/contacts/" + contactId, token, "{\"title\":\"CEO\"}", "If-Match", "\"1\"");
        assertEquals(200, titled.status(), titled.body());
        assertEquals("ada@acme.example", titled.json().get("email").getAsString());
        String other = Api.customer(tenant, "Other");
        var moved =
                patch("/v1/contacts/" + contactId, token, "{\"customerId\":\"" + other + "\"}", "If-Match", "\"2\"");
        assertEquals(400, moved.status(), moved.body());
        assertTrue(moved.body().contains("cannot change after creation"), moved.body());

        var activity = post(
                "/v1/activities",
                token,
                "{\"customerId\":\"" + customer + "\",\"type\":\"task\","
                        + "\"subject\":\"Send offer\",\"dueAt\":\"2027-01-10T09:00:00Z\",\"ownerId\":\"owner-1\"}");
        String activityId = activity.json().get("id").getAsString();
        var done = patch(
                "/v1/activities/" + activityId,
                token,
                "{\"occurredAt\":\"2027-01-09T16:00:00Z\"}",
                "If-Match",
                "\"1\"");
        assertEquals(200, done.status(), done.body());
        assertEquals("Send offer", done.json().get("subject").getAsString());
        assertEquals("2027-01-10T09:00:00Z", done.json().get("dueAt").getAsString());
    }

    @Test
    void aPatchNeedsTheVersionItWasMadeFromAndAMergePatchBody() {
        String id = customer().get("id").getAsString();
        assertEquals(
                428, patch("/v1/customers/" + id, token, "{\"name\":\"X\"}").status());
        var stale = patch("/v1/customers/" + id, token, "{\"name\":\"X\"}", "If-Match", "\"7\"");
        assertEquals(412, stale.status());
        assertEquals("\"1\"", stale.header("ETag"), "the 412 names the current version");

        var jsonPatch = patch(
                "/v1/customers/" + id,
                token,
                "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"X\"}]",
                "If-Match",
                "\"1\"",
                "Content-Type",
                "application/json-patch+json");
        assertEquals(415, jsonPatch.status(), jsonPatch.body());
        assertEquals("application/merge-patch+json", jsonPatch.header("Accept-Patch"));
        assertEquals(
                400,
                patch("/v1/customers/" + id, token, "[1]", "If-Match", "\"1\"").status());
        assertEquals(
                400,
                patch("/v1/customers/" + id, token, "{\"createdAt\":\"2020-01-01T00:00:00Z\"}", "If-Match", "\"1\"")
                        .status());
        assertEquals(
                400,
                patch("/v1/customers/" + id + "?x=1", token, "{\"name\":\"X\"}", "If-Match", "\"1\"")
                        .status());
        assertEquals(
                "Acme", get("/v1/customers/" + id, token).json().get("name").getAsString());
    }

    @Test
    void anotherTenantCannotPatchAndAReadOnlyUserMayNot() {
        String id = customer().get("id").getAsString();
        String bob = "bob-" + UUID.randomUUID();
        assertEquals(
                404,
                patch("/v1/customers/" + id, admin(bob), "{\"name\":\"Hijacked\"}", "If-Match", "\"1\"")
                        .status());
        assertEquals(
                403,
                patch(
                                "/v1/customers/" + id,
                                token(tenant, Principal.READ_ONLY),
                                "{\"name\":\"No\"}",
                                "If-Match",
                                "\"1\"")
                        .status());
        assertEquals(
                200,
                patch("/v1/customers/" + id, token(tenant, Principal.USER), "{\"name\":\"Yes\"}", "If-Match", "\"1\"")
                        .status());
        assertEquals("Yes", get("/v1/customers/" + id, token).json().get("name").getAsString());
    }
}
