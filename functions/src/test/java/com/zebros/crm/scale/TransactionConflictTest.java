package com.zebros.crm.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.crm.http.Response;
import com.zebros.crm.store.Store;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every opportunity write of a tenant updates the tenant's one totals item in its transaction, so in AWS two
 * concurrent writes of one tenant can meet there and DynamoDB cancels one (TransactionConflict). DynamoDB Local
 * serves one request at a time and never does; its server here cancels the next transactions the way DynamoDB
 * does. A write survives a few conflicts (sent again: a cancelled transaction changed nothing) and counts once;
 * past them the caller gets a 409 to send again, and nothing was written.
 */
class TransactionConflictTest {
    private static final String TENANT = "conflicts";
    private static ServiceOnLocalDynamo local;
    private static String customer;

    @BeforeAll
    static void start() {
        local = new ServiceOnLocalDynamo().migrated();
        customer = JsonParser.parseString(call("POST", "/v1/customers", "{\"name\":\"Conflicted GmbH\"}")
                        .body())
                .getAsJsonObject()
                .get("id")
                .getAsString();
    }

    @AfterEach
    void heal() {
        local.dynamo.server().heal();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static Response call(String method, String path, String body) {
        return local.call(TENANT, method, path, Map.of(), body);
    }

    private static Response createOpportunity(String stage) {
        return call(
                "POST",
                "/v1/opportunities",
                "{\"customerId\":\"" + customer + "\",\"name\":\"Deal\",\"amount\":{\"value\":"
                        + "\"1000.00\",\"currency\":\"EUR\"},\"stage\":\"" + stage
                        + "\",\"expectedCloseDate\":\"2027-01-01\",\"ownerId\":\"usr_1\"}");
    }

    private static long pipelineCount(String stage) {
        JsonObject pipeline =
                JsonParser.parseString(call("GET", "/v1/pipeline", null).body()).getAsJsonObject();
        for (var row : pipeline.getAsJsonArray("stages")) {
            if (row.getAsJsonObject().get("stage").getAsString().equals(stage)) {
                return row.getAsJsonObject().get("count").getAsLong();
            }
        }
        return 0;
    }

    @Test
    void aWriteThatMeetsAFewConflictsIsSentAgainAndCountedOnce() {
        local.dynamo.server().conflictTransactions(Store.CONFLICT_ATTEMPTS - 1);
        Response created = createOpportunity("proposal");
        assertEquals(201, created.status(), created.body());
        assertEquals(1, pipelineCount("proposal"));
    }

    @Test
    void pastTheTriesTheCallerIsToldToSendAgainAndNothingWasWritten() {
        long before = pipelineCount("negotiation");
        local.dynamo.server().conflictTransactions(Store.CONFLICT_ATTEMPTS);
        Response refused = createOpportunity("negotiation");
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("send the request again"), refused.body());
        assertEquals(before, pipelineCount("negotiation"));

        Response sentAgain = createOpportunity("negotiation");
        assertEquals(201, sentAgain.status(), sentAgain.body());
        assertEquals(before + 1, pipelineCount("negotiation"));
    }
}
