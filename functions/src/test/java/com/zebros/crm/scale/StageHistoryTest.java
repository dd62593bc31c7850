package com.zebros.crm.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.crm.faults.TestClock;
import com.zebros.crm.http.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each stage an opportunity enters is logged with the time spent in the one it left, on a clock the test moves. */
class StageHistoryTest {
    @Test
    void theStagesADealWentThroughAndTheTimeInEachAreRead() {
        TestClock clock = new TestClock(Instant.parse("2027-01-01T09:00:00Z"));
        try (ServiceOnLocalDynamo api = new ServiceOnLocalDynamo(clock).migrated()) {
            String tenant = "stages";
            String customer = json(api.call(tenant, "POST", "/v1/customers", Map.of(), "{\"name\":\"Stages Inc\"}"))
                    .get("id")
                    .getAsString();
            String id = json(api.call(
                            tenant,
                            "POST",
                            "/v1/opportunities",
                            Map.of(),
                            "{\"customerId\":\"" + customer
                                    + "\",\"name\":\"Deal\",\"amount\":{\"value\":\"10.00\",\"currency\":\"EUR\"},\"stage\":\"prospecting\","
                                    + "\"expectedCloseDate\":\"2027-03-01\",\"ownerId\":\"o\"}"))
                    .get("id")
                    .getAsString();
            clock.advance(Duration.ofDays(3));
            patch(api, tenant, id, "{\"stage\":\"qualification\"}", 1);
            clock.advance(Duration.ofHours(5));
            patch(api, tenant, id, "{\"name\":\"Deal, renamed\"}", 2);
            clock.advance(Duration.ofDays(2));
            patch(api, tenant, id, "{\"stage\":\"proposal\"}", 3);
            clock.advance(Duration.ofHours(1));

            JsonObject stages = json(api.call(tenant, "GET", "/v1/opportunities/" + id + "/stages", Map.of(), null));
            assertEquals("proposal", stages.get("stage").getAsString());
            assertEquals(3600, stages.get("secondsInStage").getAsLong());
            List<String> entries = new ArrayList<>();
            stages.getAsJsonArray("items").forEach(e -> {
                JsonObject entry = e.getAsJsonObject();
                entries.add(entry.get("stage").getAsString() + " from "
                        + (entry.get("from").isJsonNull()
                                ? "-"
                                : entry.get("from").getAsString()) + " after "
                        + (entry.get("secondsInFrom").isJsonNull()
                                ? "-"
                                : String.valueOf(entry.get("secondsInFrom").getAsLong())));
            });
            assertEquals(
                    List.of(
                            "proposal from qualification after " + (5 * 3600 + 2 * 86400),
                            "qualification from prospecting after " + 3 * 86400,
                            "prospecting from - after -"),
                    entries,
                    "a rename is no stage change and does not restart the clock");
            assertEquals(
                    2,
                    json(api.call(tenant, "GET", "/v1/opportunities/" + id + "/stages", Map.of("limit", "2"), null))
                            .getAsJsonArray("items")
                            .size());
            assertEquals(
                    404,
                    api.call("other", "GET", "/v1/opportunities/" + id + "/stages", Map.of(), null)
                            .status(),
                    "another tenant's deal does not exist");
            assertEquals(
                    405,
                    api.call(tenant, "POST", "/v1/opportunities/" + id + "/stages", Map.of(), "{}")
                            .status());
            assertEquals(
                    404,
                    api.call(tenant, "GET", "/v1/opportunities/opp_missing/stages", Map.of(), null)
                            .status());
        }
    }

    private static void patch(ServiceOnLocalDynamo api, String tenant, String id, String body, long version) {
        Response reply =
                api.call(tenant, "PATCH", "/v1/opportunities/" + id, Map.of(), body, "If-Match", "\"" + version + "\"");
        assertEquals(200, reply.status(), reply.body());
    }

    private static JsonObject json(Response reply) {
        return JsonParser.parseString(reply.body()).getAsJsonObject();
    }
}
