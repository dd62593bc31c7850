package com.zebros.crm.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.crm.local.Api;
import com.zebros.crm.store.Table;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SnapStart's hooks: constructing each handler the way Lambda does registers its priming with CRaC,
 * and priming (what Lambda runs before the snapshot) goes through real request paths without writing
 * anything to the tables.
 */
class SnapStartPrimingTest {

    @Test
    void constructingTheHandlersAsLambdaDoesRegistersTheirHooks() {
        new AuthorizerHandler();
        new NotificationHandler();
        new ApiHandler();
        assertTrue(Priming.registered().containsAll(java.util.List.of("authorizer", "notification", "api")),
                "registered: " + Priming.registered());
    }

    @Test
    void primingRunsRequestPathsAndWritesNothing() {
        var service = Api.server().service();
        Api.customer("priming-tenant", "Existing Customer");
        Map<Table, Integer> before = counts();
        int stopped = PrimingGuard.stoppedCalls();
        var priming = ApiPriming.register(service);
        priming.beforeCheckpoint(null);
        assertTrue(PrimingGuard.stoppedCalls() >= stopped + 4,
                "priming drives DynamoDB calls through the SDK up to the wire: " + (PrimingGuard.stoppedCalls() - stopped));
        priming.afterRestore(null);
        NotificationHandler.prime();
        AuthorizerPriming.prime();
        assertEquals(before, counts(), "priming must not write to any table");
        assertEquals(0, itemsOf("snapstart-priming"), "nothing of the priming tenant exists");
    }

    private static Map<Table, Integer> counts() {
        var dynamo = Api.server().dynamo();
        Map<Table, Integer> counts = new EnumMap<>(Table.class);
        for (Table table : Table.values()) {
            counts.put(table, dynamo.client().scan(b -> b.tableName(dynamo.names().get(table)).select("COUNT")).count());
        }
        return counts;
    }

    private static int itemsOf(String tenant) {
        var dynamo = Api.server().dynamo();
        int found = 0;
        for (Table table : Table.values()) {
            found += dynamo.client().scan(b -> b.tableName(dynamo.names().get(table))
                    .filterExpression("tenantId = :t")
                    .expressionAttributeValues(Map.of(":t",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(tenant)))).count();
        }
        return found;
    }
}
