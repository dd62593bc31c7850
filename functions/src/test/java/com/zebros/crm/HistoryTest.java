package com.zebros.crm;

import static com.zebros.crm.local.Api.admin;
import static com.zebros.crm.local.Api.delete;
import static com.zebros.crm.local.Api.get;
import static com.zebros.crm.local.Api.patch;
import static com.zebros.crm.local.Api.post;
import static com.zebros.crm.local.Api.put;
import static com.zebros.crm.local.Api.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.zebros.crm.auth.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every write leaves one history entry, in its own transaction; the history outlives the item. */
class HistoryTest {
    private final String tenant = "history-" + UUID.randomUUID();
    private final String token = admin(tenant);

    @Test
    void createPatchReplaceAndDeleteEachLeaveAnEntryWithTheChangedFields() {
        var created = post(
                "/v1/customers", token, "{\"name\":\"Acme\",\"email\":\"info@acme.example\",\"industry\":\"Tools\"}");
        String id = created.json().get("id").getAsString();
        assertEquals(
                200,
                patch("/v1/customers/" + id, token, "{\"industry\":\"Robots\"}", "If-Match", "\"1\"")
                        .status());
        assertEquals(
                200,
                put("/v1/customers/" + id, token, "{\"name\":\"Acme Corp\"}", "If-Match", "\"2\"")
                        .status());
        assertEquals(204, delete("/v1/customers/" + id, token).status());

        var reply = get("/v1/customers/" + id + "/history", token(tenant, Principal.READ_ONLY));
        assertEquals(200, reply.status(), "readable after the delete, by a read-only user: " + reply.body());
        JsonArray entries = reply.json().getAsJsonArray("items");
        assertEquals(List.of("4 deleted", "3 updated", "2 updated", "1 created"), summary(entries));

        JsonObject creation = entries.get(3).getAsJsonObject();
        assertEquals("user-of-" + tenant, creation.get("actor").getAsString());
        assertEquals(
                "{\"email\":{\"old\":null,\"new\":\"info@acme.example\"},\"industry\":{\"old\":null,\"new\":\"Tools\"},"
                        + "\"name\":{\"old\":null,\"new\":\"Acme\"}}",
                creation.get("changes").toString());
        assertEquals(
                "{\"industry\":{\"old\":\"Tools\",\"new\":\"Robots\"}}",
                entries.get(2).getAsJsonObject().get("changes").toString(),
                "a patch records the one field it changed");
        assertEquals(
                "{\"email\":{\"old\":\"info@acme.example\",\"new\":null},\"industry\":{\"old\":\"Robots\",\"new\":null},"
                        + "\"name\":{\"old\":\"Acme\",\"new\":\"Acme Corp\"}}",
                entries.get(1).getAsJsonObject().get("changes").toString(),
                "a PUT records what its replacement removed");
        assertEquals(
                "{\"name\":{\"old\":\"Acme Corp\",\"new\":null}}",
                entries.get(0).getAsJsonObject().get("changes").toString());
    }

    @Test
    void aRefusedWriteOrAReplayedCreateLeavesNoEntry() {
        String key = "history-key-" + UUID.randomUUID();
        var first = post("/v1/customers", token, "{\"name\":\"Once\"}", "Idempotency-Key", key);
        var again = post("/v1/customers", token, "{\"name\":\"Once\"}", "Idempotency-Key", key);
        assertEquals(first.json().get("id"), again.json().get("id"));
        String id = first.json().get("id").getAsString();
        assertEquals(
                412,
                patch("/v1/customers/" + id, token, "{\"name\":\"Stale\"}", "If-Match", "\"5\"")
                        .status());
        assertEquals(
                400,
                patch("/v1/customers/" + id, token, "{\"email\":\"nope\"}", "If-Match", "\"1\"")
                        .status());
        assertEquals(
                List.of("1 created"),
                summary(get("/v1/customers/" + id + "/history", token).json().getAsJsonArray("items")));
    }

    @Test
    void anOpportunitysMovesAreReadAPageAtATime() {
        String customer = post("/v1/customers", token, "{\"name\":\"Deals Inc\"}")
                .json()
                .get("id")
                .getAsString();
        String id = post(
                        "/v1/opportunities",
                        token,
                        "{\"customerId\":\"" + customer + "\",\"name\":\"Deal\","
                                + "\"amount\":{\"value\":\"10.00\",\"currency\":\"EUR\"},\"stage\":\"prospecting\","
                                + "\"expectedCloseDate\":\"2027-01-31\",\"ownerId\":\"owner-1\"}")
                .json()
                .get("id")
                .getAsString();
        List<String> stages = List.of("qualification", "proposal", "negotiation", "closed-won");
        for (int i = 0; i < stages.size(); i++) {
            var moved = patch(
                    "/v1/opportunities/" + id,
                    token,
                    "{\"stage\":\"" + stages.get(i) + "\"}",
                    "If-Match",
                    "\"" + (i + 1) + "\"");
            assertEquals(200, moved.status(), moved.body());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = get(
                            "/v1/opportunities/" + id + "/history?limit=2"
                                    + (cursor == null ? "" : "&cursor=" + cursor),
                            token)
                    .json();
            page.getAsJsonArray("items").forEach(e -> {
                JsonObject stage =
                        e.getAsJsonObject().getAsJsonObject("changes").getAsJsonObject("stage");
                seen.add(stage.get("new").getAsString());
            });
            cursor = page.get("nextCursor").isJsonNull()
                    ? null
                    : page.get("nextCursor").getAsString();
        } while (cursor != null);
        assertEquals(List.of("closed-won", "negotiation", "proposal", "qualification", "prospecting"), seen);
    }

    @Test
    void noTenantReadsAnothersHistoryAndAnUnknownItemHasNone() {
        String id = post("/v1/customers", token, "{\"name\":\"Private\"}")
                .json()
                .get("id")
                .getAsString();
        assertEquals(
                404,
                get("/v1/customers/" + id + "/history", admin("other-" + UUID.randomUUID()))
                        .status());
        assertEquals(404, get("/v1/contacts/con_0000/history", token).status());
        assertEquals(401, get("/v1/customers/" + id + "/history", null).status());
        assertEquals(403, get("/v1/customers/" + id + "/history", token(tenant)).status(), "a token without CRM roles");
        assertEquals(400, get("/v1/customers/" + id + "/history?sort=x", token).status());
        assertNull(
                get("/v1/customers/" + id + "/history", token)
                                .json()
                                .get("nextCursor")
                                .isJsonNull()
                        ? null
                        : "cursor");
    }

    private static List<String> summary(JsonArray entries) {
        List<String> lines = new ArrayList<>();
        entries.forEach(e -> lines.add(e.getAsJsonObject().get("version").getAsLong() + " "
                + e.getAsJsonObject().get("action").getAsString()));
        return lines;
    }
}
