package com.zebros.crm.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.crm.local.Api;
import com.zebros.crm.store.Table;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
        assertTrue(
                Priming.registered().containsAll(java.util.List.of("authorizer", "notification", "api")),
                "registered: " + Priming.registered());
    }

    @Test
    void primingRunsRequestPathsAndWritesNothing() {
        var service = Api.server().service();
        Api.customer("priming-tenant", "Existing Customer");
        Map<Table, Integer> before = counts();
        int stopped = PrimingGuard.stoppedCalls();
        int found = PrimingGuard.foundAnswers();
        var priming = ApiPriming.register(service);
        priming.beforeCheckpoint(null);
        assertTrue(
                PrimingGuard.foundAnswers() >= found + 25,
                "the found-item read ran on every round: " + (PrimingGuard.foundAnswers() - found));
        assertTrue(
                PrimingGuard.stoppedCalls() >= stopped + 4,
                "priming drives DynamoDB calls through the SDK up to the wire: "
                        + (PrimingGuard.stoppedCalls() - stopped));
        priming.afterRestore(null);
        int stoppedBeforeNotifications = PrimingGuard.stoppedCalls();
        PrimingGuard.during(NotificationHandler::prime);
        assertTrue(
                PrimingGuard.stoppedCalls() >= stoppedBeforeNotifications + 25,
                "every primed stage change's publish reached the wire's edge and stopped there");
        AuthorizerPriming.prime();
        assertEquals(before, counts(), "priming must not write to any table");
        assertEquals(0, itemsOf("snapstart-priming"), "nothing of the priming tenant exists");
    }

    @Test
    void aFindingReadIsAnsweredWithTheInMemoryItemAndTheTableStillLacksIt() {
        var dynamo = Api.server().dynamo();
        var client = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
                .endpointOverride(java.net.URI.create(dynamo.environment().get("DYNAMODB_ENDPOINT")))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new PrimingGuard()))
                .build();
        String table = dynamo.names().get(Table.CUSTOMERS);
        var key = Map.of(
                Table.TENANT,
                AttributeValue.fromS("snapstart-priming"),
                Table.CUSTOMERS.idAttribute(),
                AttributeValue.fromS("cus_none"));
        var item = new java.util.HashMap<>(key);
        item.put("name", AttributeValue.fromS("Primed"));
        var answered = new java.util.concurrent.atomic.AtomicReference<Map<String, AttributeValue>>();
        PrimingGuard.during(() -> PrimingGuard.outside(() -> {
            assertTrue(PrimingGuard.isActive(), "real reads are still priming: Redis skips itself");
            PrimingGuard.findingItem(
                    item,
                    () -> answered.set(
                            client.getItem(b -> b.tableName(table).key(key)).item()));
        }));
        assertEquals(item, answered.get());
        assertFalse(client.getItem(b -> b.tableName(table).key(key)).hasItem(), "nothing was written");
    }

    private static Map<Table, Integer> counts() {
        var dynamo = Api.server().dynamo();
        Map<Table, Integer> counts = new EnumMap<>(Table.class);
        for (Table table : Table.values()) {
            counts.put(
                    table,
                    dynamo.client()
                            .scan(b -> b.tableName(dynamo.names().get(table)).select("COUNT"))
                            .count());
        }
        return counts;
    }

    private static int itemsOf(String tenant) {
        var dynamo = Api.server().dynamo();
        int found = 0;
        for (Table table : Table.values()) {
            found += dynamo.client()
                    .scan(b -> b.tableName(dynamo.names().get(table))
                            .filterExpression("tenantId = :t")
                            .expressionAttributeValues(Map.of(
                                    ":t", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(tenant))))
                    .count();
        }
        return found;
    }
}
