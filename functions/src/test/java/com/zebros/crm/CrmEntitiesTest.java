package com.zebros.crm;

import static com.zebros.crm.local.Api.admin;
import static com.zebros.crm.local.Api.get;
import static com.zebros.crm.local.Api.post;
import static com.zebros.crm.local.Api.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.zebros.crm.local.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Contacts, opportunities, the pipeline, activities and the timeline, end to end. */
class CrmEntitiesTest {
    private final String tenant = "crm-" + UUID.randomUUID();
    private final String token = admin(tenant);

    private String opportunity(
            String customer, String name, String amount, String currency, String stage, String owner, String close) {
        var reply = post(
                "/v1/opportunities",
                token,
                "{\"customerId\":\"" + customer + "\",\"name\":\"" + name
                        + "\",\"amount\":{\"value\":\"" + amount + "\",\"currency\":\"" + currency + "\"},\"stage\":\""
                        + stage
                        + "\",\"expectedCloseDate\":\"" + close + "\",\"ownerId\":\"" + owner + "\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().get("id").getAsString();
    }

    @Test
    void contactsBelongToTheirCustomerAndAreListedByName() {
        String customer = Api.customer(tenant, "Contacts Inc");
        assertEquals(
                201,
                post(
                                "/v1/customers/" + customer + "/contacts",
                                token,
                                "{\"firstName\":\"Zoe\",\"lastName\":\"Zimmer\",\"email\":\"zoe@example.com\"}")
                        .status());
        var anna = post(
                "/v1/customers/" + customer + "/contacts", token, "{\"firstName\":\"Anna\",\"lastName\":\"Adler\"}");
        assertEquals(201, anna.status(), anna.body());
        assertEquals(customer, anna.json().get("customerId").getAsString());
        JsonArray list =
                get("/v1/customers/" + customer + "/contacts", token).json().getAsJsonArray("items");
        assertEquals(List.of("Adler", "Zimmer"), lastNames(list));
        String id = anna.json().get("id").getAsString();
        assertEquals(200, get("/v1/contacts/" + id, token).status());
        var moved = put(
                "/v1/contacts/" + id,
                token,
                "{\"customerId\":\"" + Api.customer(tenant, "Other")
                        + "\",\"firstName\":\"Anna\",\"lastName\":\"Adler\"}",
                "If-Match",
                "\"1\"");
        assertEquals(400, moved.status(), "a contact cannot move to another customer");
        assertEquals(404, get("/v1/customers/cus_missing/contacts", token).status());
    }

    private static List<String> lastNames(JsonArray items) {
        List<String> names = new ArrayList<>();
        items.forEach(i -> names.add(i.getAsJsonObject().get("lastName").getAsString()));
        return names;
    }

    @Test
    void opportunitiesAreListedByStageAndOwnerAndSummedPerStageAndCurrency() {
        String customer = Api.customer(tenant, "Pipeline GmbH");
        opportunity(customer, "Small", "1000.00", "EUR", "proposal", "owner-1", "2026-12-01");
        opportunity(customer, "Large", "2500.50", "EUR", "proposal", "owner-2", "2026-12-15");
        opportunity(customer, "Dollar", "700", "USD", "proposal", "owner-1", "2027-01-10");
        opportunity(customer, "Won", "300", "EUR", "closed-won", "owner-1", "2026-11-01");
        opportunity(customer, "Lost", "300", "EUR", "closed-lost", "owner-2", "2026-11-02");

        assertEquals(
                3,
                get("/v1/opportunities?stage=proposal", token)
                        .json()
                        .getAsJsonArray("items")
                        .size());
        JsonArray owned = get("/v1/opportunities?owner=owner-1", token).json().getAsJsonArray("items");
        assertEquals(3, owned.size());
        assertEquals("Won", owned.get(0).getAsJsonObject().get("name").getAsString(), "by expected close date");
        assertEquals(
                5,
                get("/v1/customers/" + customer + "/opportunities", token)
                        .json()
                        .getAsJsonArray("items")
                        .size());
        assertEquals(400, get("/v1/opportunities?stage=dreaming", token).status());

        JsonArray stages = get("/v1/pipeline", token).json().getAsJsonArray("stages");
        JsonObject proposal = stages.get(2).getAsJsonObject();
        assertEquals("proposal", proposal.get("stage").getAsString());
        assertEquals(3, proposal.get("count").getAsInt());
        assertEquals(
                "[{\"value\":\"3500.50\",\"currency\":\"EUR\"},{\"value\":\"700.00\",\"currency\":\"USD\"}]",
                proposal.getAsJsonArray("amounts").toString());
        var winRate = get("/v1/analytics/win-rate", token).json();
        assertEquals(0.5, winRate.get("winRate").getAsDouble(), 1e-9);
    }

    @Test
    void moneyAndStagesAreValidated() {
        String customer = Api.customer(tenant, "Money Ltd");
        var reply = post(
                "/v1/opportunities",
                token,
                "{\"customerId\":\"" + customer + "\",\"name\":\"Bad\","
                        + "\"amount\":{\"value\":\"12.345\",\"currency\":\"XXQ\"},\"stage\":\"won\",\"expectedCloseDate\":\"tomorrow\",\"ownerId\":\"o\"}");
        assertEquals(400, reply.status());
        String body = reply.body();
        assertTrue(
                body.contains("\"amount\"") && body.contains("\"stage\"") && body.contains("\"expectedCloseDate\""),
                body);
    }

    @Test
    void theTimelineListsACustomersActivitiesNewestFirst() {
        String customer = Api.customer(tenant, "Timeline Co");
        for (String day : List.of("2026-11-01", "2026-11-20", "2026-11-10")) {
            var reply = post(
                    "/v1/activities",
                    token,
                    "{\"customerId\":\"" + customer + "\",\"type\":\"call\",\"subject\":\"Call " + day
                            + "\",\"occurredAt\":\"" + day + "T09:00:00Z\",\"ownerId\":\"owner-1\"}");
            assertEquals(201, reply.status(), reply.body());
        }
        JsonArray timeline =
                get("/v1/customers/" + customer + "/timeline", token).json().getAsJsonArray("items");
        List<String> subjects = new ArrayList<>();
        timeline.forEach(a -> subjects.add(a.getAsJsonObject().get("subject").getAsString()));
        assertEquals(List.of("Call 2026-11-20", "Call 2026-11-10", "Call 2026-11-01"), subjects);
        assertEquals(
                3,
                get("/v1/activities?owner=owner-1", token)
                        .json()
                        .getAsJsonArray("items")
                        .size());
        var undated = post(
                "/v1/activities",
                token,
                "{\"customerId\":\"" + customer + "\",\"type\":\"task\",\"subject\":\"?\",\"ownerId\":\"o\"}");
        assertEquals(400, undated.status(), "an activity needs a date");
        var badType = post(
                "/v1/activities",
                token,
                "{\"customerId\":\"" + customer + "\",\"type\":\"fax\",\"subject\":\"?\","
                        + "\"dueAt\":\"2026-12-01T00:00:00Z\",\"ownerId\":\"o\"}");
        assertEquals(400, badType.status());
    }
}
