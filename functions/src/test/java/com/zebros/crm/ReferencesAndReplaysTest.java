package com.zebros.crm;

import static com.zebros.crm.local.Api.admin;
import static com.zebros.crm.local.Api.delete;
import static com.zebros.crm.local.Api.get;
import static com.zebros.crm.local.Api.post;
import static com.zebros.crm.local.Api.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.zebros.crm.local.Api;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the black-box review of the API found, each now answered correctly: where Location points, what
 * a replay carries, what deleting a customer leaves, what an activity may refer to.
 */
class ReferencesAndReplaysTest {
    private final String tenant = "refs-" + UUID.randomUUID();
    private final String token = admin(tenant);

    private String opportunity(String customer, String stage) {
        var reply = post(
                "/v1/opportunities",
                token,
                "{\"customerId\":\"" + customer + "\",\"name\":\"Deal\","
                        + "\"amount\":{\"value\":\"100.00\",\"currency\":\"EUR\"},\"stage\":\"" + stage + "\","
                        + "\"expectedCloseDate\":\"2027-03-01\",\"ownerId\":\"owner-1\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().get("id").getAsString();
    }

    private String contact(String customer) {
        var reply = post(
                "/v1/customers/" + customer + "/contacts", token, "{\"firstName\":\"Ada\",\"lastName\":\"Byron\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().get("id").getAsString();
    }

    @Test
    void everyCreatedItemsLocationAnswersWithThatItem() {
        String customer = Api.customer(tenant, "Location Ltd");
        var contact = post(
                "/v1/customers/" + customer + "/contacts", token, "{\"firstName\":\"Ada\",\"lastName\":\"Byron\"}");
        assertEquals(201, contact.status());
        String location = contact.header("Location");
        assertEquals("/v1/contacts/" + contact.json().get("id").getAsString(), location);
        var fetched = get(location, token);
        assertEquals(200, fetched.status(), "the contact's Location answers");
        assertEquals(contact.json().get("id"), fetched.json().get("id"));

        for (String path : new String[] {"/v1/customers", "/v1/opportunities", "/v1/activities"}) {
            String body = switch (path) {
                case "/v1/customers" -> "{\"name\":\"Another\"}";
                case "/v1/opportunities" ->
                    "{\"customerId\":\"" + customer + "\",\"name\":\"D\",\"amount\":{\"value\":\"1\","
                            + "\"currency\":\"EUR\"},\"stage\":\"proposal\",\"expectedCloseDate\":\"2027-01-01\",\"ownerId\":\"o\"}";
                default ->
                    "{\"customerId\":\"" + customer + "\",\"type\":\"call\",\"subject\":\"Hi\","
                            + "\"occurredAt\":\"2026-11-01T10:00:00Z\",\"ownerId\":\"o\"}";
            };
            var created = post(path, token, body);
            assertEquals(201, created.status(), created.body());
            assertEquals(200, get(created.header("Location"), token).status(), path + "'s Location answers");
        }
    }

    @Test
    void aReplayedCreateCarriesTheSameETagAndLocation() {
        String body = "{\"name\":\"Replay Inc\"}";
        var first = post("/v1/customers", token, body, "Idempotency-Key", "replay-key-0001");
        var again = post("/v1/customers", token, body, "Idempotency-Key", "replay-key-0001");
        assertEquals(201, again.status());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.json().get("id"), again.json().get("id"));
        assertNotNull(first.header("ETag"));
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(200, get(again.header("Location"), token).status());

        String customer = first.json().get("id").getAsString();
        var job = post("/v1/reports", token, "{\"type\":\"pipeline\"}", "Idempotency-Key", "replay-key-0002");
        var jobAgain = post("/v1/reports", token, "{\"type\":\"pipeline\"}", "Idempotency-Key", "replay-key-0002");
        assertEquals(202, jobAgain.status());
        assertEquals(job.header("Location"), jobAgain.header("Location"));
        assertEquals(200, get(jobAgain.header("Location"), token).status());
        assertNotNull(customer);
    }

    @Test
    void aCustomerWithItemsIsNotDeletedAndTheItemsStayEditable() {
        String customer = Api.customer(tenant, "Keeps Items");
        String deal = opportunity(customer, "negotiation");
        String pipelineBefore = get("/v1/pipeline", token).body();

        var refused = delete("/v1/customers/" + customer, token);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.json().get("detail").getAsString().contains("opportunities"), refused.body());
        assertEquals(200, get("/v1/customers/" + customer, token).status(), "the customer is still there");
        assertEquals(pipelineBefore, get("/v1/pipeline", token).body());

        var edited = put(
                "/v1/opportunities/" + deal,
                token,
                "{\"customerId\":\"" + customer + "\",\"name\":\"Deal\","
                        + "\"amount\":{\"value\":\"150.00\",\"currency\":\"EUR\"},\"stage\":\"closed-won\","
                        + "\"expectedCloseDate\":\"2027-03-01\",\"ownerId\":\"owner-1\"}",
                "If-Match",
                "\"1\"");
        assertEquals(200, edited.status(), edited.body());

        assertEquals(204, delete("/v1/opportunities/" + deal, token).status());
        assertEquals(
                204, delete("/v1/customers/" + customer, token).status(), "with its items gone, the customer goes");
        JsonObject won = get("/v1/pipeline", token)
                .json()
                .getAsJsonArray("stages")
                .get(4)
                .getAsJsonObject();
        assertEquals(0, won.get("count").getAsInt(), "nothing of a deleted customer stays in the pipeline");
    }

    @Test
    void contactsAndActivitiesAlsoKeepTheirCustomer() {
        String withContact = Api.customer(tenant, "Has Contact");
        contact(withContact);
        var refused = delete("/v1/customers/" + withContact, token);
        assertEquals(409, refused.status());
        assertTrue(refused.json().get("detail").getAsString().contains("contacts"), refused.body());

        String withActivity = Api.customer(tenant, "Has Activity");
        assertEquals(
                201,
                post(
                                "/v1/activities",
                                token,
                                "{\"customerId\":\"" + withActivity + "\",\"type\":\"note\","
                                        + "\"subject\":\"n\",\"occurredAt\":\"2026-11-01T10:00:00Z\",\"ownerId\":\"o\"}")
                        .status());
        var alsoRefused = delete("/v1/customers/" + withActivity, token);
        assertEquals(409, alsoRefused.status());
        assertTrue(alsoRefused.json().get("detail").getAsString().contains("activities"), alsoRefused.body());
    }

    @Test
    void anActivityRefersOnlyToItsOwnCustomersContactAndOpportunity() {
        String mine = Api.customer(tenant, "Mine");
        String theirs = Api.customer(tenant, "Theirs");
        String theirContact = contact(theirs);
        String theirDeal = opportunity(theirs, "proposal");
        String myContact = contact(mine);
        String myDeal = opportunity(mine, "proposal");

        var crossed = post("/v1/activities", token, activity(mine, theirContact, theirDeal));
        assertEquals(400, crossed.status(), crossed.body());
        String problem = crossed.body();
        assertTrue(problem.contains("\"contactId\"") && problem.contains("\"opportunityId\""), problem);
        assertTrue(problem.contains("another customer"), problem);

        var missing = post("/v1/activities", token, activity(mine, "con_" + "0".repeat(32), myDeal));
        assertEquals(400, missing.status());
        assertTrue(missing.body().contains("no contact"), missing.body());

        var own = post("/v1/activities", token, activity(mine, myContact, myDeal));
        assertEquals(201, own.status(), own.body());
        String activity = own.json().get("id").getAsString();

        var movedToTheirs =
                put("/v1/activities/" + activity, token, activity(mine, theirContact, myDeal), "If-Match", "\"1\"");
        assertEquals(400, movedToTheirs.status(), "an update may not point the activity at another customer's contact");

        // The contact goes; the activity that named it stays editable (an unchanged reference is not checked again).
        assertEquals(204, delete("/v1/contacts/" + myContact, token).status());
        var stillEditable = put(
                "/v1/activities/" + activity,
                token,
                activity(mine, myContact, myDeal).replace("\"subject\":\"Call\"", "\"subject\":\"Call back\""),
                "If-Match",
                "\"1\"");
        assertEquals(200, stillEditable.status(), stillEditable.body());
    }

    @Test
    void anItemCannotBeCreatedForACustomerDeletedBeforeTheWrite() {
        String customer = Api.customer(tenant, "Gone Soon");
        assertEquals(204, delete("/v1/customers/" + customer, token).status());
        var orphan = post(
                "/v1/opportunities",
                token,
                "{\"customerId\":\"" + customer + "\",\"name\":\"Deal\","
                        + "\"amount\":{\"value\":\"1\",\"currency\":\"EUR\"},\"stage\":\"proposal\","
                        + "\"expectedCloseDate\":\"2027-03-01\",\"ownerId\":\"o\"}");
        assertEquals(400, orphan.status());
        assertTrue(orphan.body().contains("no customer " + customer), orphan.body());
    }

    private static String activity(String customer, String contact, String opportunity) {
        return "{\"customerId\":\"" + customer + "\",\"type\":\"call\",\"subject\":\"Call\",\"contactId\":\"" + contact
                + "\",\"opportunityId\":\"" + opportunity
                + "\",\"occurredAt\":\"2026-11-02T09:00:00Z\",\"ownerId\":\"o\"}";
    }
}
