package com.zebros.platform.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.platform.config.WorkerKind;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The job slots' DynamoDB calls exactly as the generated state machines would make them, run on DynamoDB Local:
 * each state's Parameters with Step Functions' context values filled in ($$.Execution.Name, $$.State.EnteredTime,
 * the release event's fields), sent as UpdateItem. This proves the semaphore with DynamoDB's own expression rules.
 */
class JobSlotsDynamoTest {
    private static final String TABLE = "zebros-test-jobs";
    private static final int LIMIT = 3;
    private static DynamoDBProxyServer server;
    private static DynamoDbClient dynamo;
    private static JsonObject states;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = ServerRunner.createServerFromCommandLineArgs(new String[] {"-inMemory", "-port", String.valueOf(port)});
        server.start();
        dynamo = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().build()).build();
        // The jobs table's key, as CrmTable declares it.
        dynamo.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("tenantId").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("jobId").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("tenantId").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("jobId").keyType(KeyType.RANGE).build()));
        Map<WorkerKind, JobStateMachine.Runner> runners = new LinkedHashMap<>();
        runners.put(WorkerKind.IMPORT, new JobStateMachine.RunTask("arn:task/import-worker:1", "import-worker", false));
        runners.put(WorkerKind.REPORT, new JobStateMachine.SendToPool("https://sqs/report-work"));
        states = JsonParser.parseString(JobStateMachine.definition(
                new JobStateMachine.Network("arn:cluster", List.of("subnet-1"), List.of("sg-1")), runners, TABLE, LIMIT))
                .getAsJsonObject().getAsJsonObject("States");
    }

    @AfterAll
    static void stop() throws Exception {
        dynamo.close();
        server.stop();
    }

    /** A state's UpdateItem as Step Functions sends it, with the given values for its ".$" paths. */
    private static void run(JsonObject state, Map<String, String> paths) {
        JsonObject p = state.getAsJsonObject("Parameters");
        var request = UpdateItemRequest.builder().tableName(p.get("TableName").getAsString())
                .key(attributes(p.getAsJsonObject("Key"), paths))
                .updateExpression(p.get("UpdateExpression").getAsString());
        if (p.has("ConditionExpression")) {
            request.conditionExpression(p.get("ConditionExpression").getAsString());
        }
        if (p.has("ExpressionAttributeNames")) {
            Map<String, String> names = new HashMap<>();
            p.getAsJsonObject("ExpressionAttributeNames").entrySet().forEach(e -> names.put(e.getKey().replace(".$", ""),
                    resolve(e.getKey(), e.getValue().getAsString(), paths)));
            request.expressionAttributeNames(names);
        }
        if (p.has("ExpressionAttributeValues")) {
            request.expressionAttributeValues(attributes(p.getAsJsonObject("ExpressionAttributeValues"), paths));
        }
        dynamo.updateItem(request.build());
    }

    private static Map<String, AttributeValue> attributes(JsonObject json, Map<String, String> paths) {
        Map<String, AttributeValue> values = new HashMap<>();
        json.entrySet().forEach(e -> values.put(e.getKey(), value(e.getValue().getAsJsonObject(), paths)));
        return values;
    }

    private static AttributeValue value(JsonObject typed, Map<String, String> paths) {
        var entry = typed.entrySet().iterator().next();
        String type = entry.getKey().replace(".$", "");
        JsonElement raw = entry.getValue();
        return switch (type) {
            case "S" -> AttributeValue.fromS(resolve(entry.getKey(), raw.getAsString(), paths));
            case "N" -> AttributeValue.fromN(raw.getAsString());
            case "M" -> AttributeValue.fromM(Map.of());
            default -> throw new AssertionError("the slots use no " + type + " values");
        };
    }

    private static String resolve(String key, String value, Map<String, String> paths) {
        if (!key.endsWith(".$")) {
            return value;
        }
        if (!paths.containsKey(value)) {
            throw new AssertionError("no value given for " + value);
        }
        return paths.get(value);
    }

    private static Map<String, String> execution(String name) {
        return Map.of("$$.Execution.Name", name, "$$.State.EnteredTime", "2026-12-02T10:00:00Z");
    }

    private static int held() {
        var item = dynamo.getItem(b -> b.tableName(TABLE).consistentRead(true).key(Map.of(
                "tenantId", AttributeValue.fromS(JobSlots.TENANT), "jobId", AttributeValue.fromS("import")))).item();
        return item.containsKey("holders") ? item.get("holders").m().size() : 0;
    }

    private static void takeSlot(String execution) {
        run(states.getAsJsonObject("OpenImportSlots"), execution(execution));
        run(states.getAsJsonObject("AcquireImportSlot"), execution(execution));
    }

    @Test
    void atMostTheLimitRunsAtOnceAndAReleasedSlotIsTakenByTheNext() {
        for (int i = 1; i <= LIMIT; i++) {
            takeSlot("job-" + i);
        }
        assertEquals(LIMIT, held());
        assertThrows(ConditionalCheckFailedException.class, () -> takeSlot("job-4"),
                "the fourth waits: the state retries on DynamoDB.ConditionalCheckFailedException");
        takeSlot("job-2");
        assertEquals(LIMIT, held(), "a retried acquire by a holder keeps its one slot");
        run(states.getAsJsonObject("ReleaseImportSlot"), execution("job-2"));
        assertEquals(LIMIT - 1, held());
        takeSlot("job-4");
        assertEquals(LIMIT, held(), "the waiting job took the freed slot");
        run(states.getAsJsonObject("ReleaseImportSlotAfterFailure"), execution("job-1"));
        run(states.getAsJsonObject("ReleaseImportSlotAfterFailure"), execution("job-1"));
        assertEquals(LIMIT - 1, held(), "giving back twice is harmless");

        // An execution stopped while holding job-3's slot: the release workflow gets its status-change event.
        JsonObject release = JsonParser.parseString(JobSlots.releaseDefinition(TABLE)).getAsJsonObject()
                .getAsJsonObject("States").getAsJsonObject("Release");
        Map<String, String> event = Map.of("$.execution", "job-3", "$.job.kind", "import");
        run(release, event);
        assertEquals(LIMIT - 2, held());
        assertThrows(ConditionalCheckFailedException.class, () -> run(release, event),
                "not held any more: the workflow's catch ends it quietly");
        assertThrows(ConditionalCheckFailedException.class, () -> run(release, Map.of("$.execution", "x", "$.job.kind", "report")),
                "a pooled kind never holds a slot; its item does not even exist");
    }
}
