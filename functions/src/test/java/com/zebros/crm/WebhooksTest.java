package com.zebros.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.lambda.WebhooksHandler;
import com.zebros.crm.local.LocalDynamo;
import com.zebros.crm.local.LocalServer;
import com.zebros.crm.local.LocalSqs;
import com.zebros.crm.store.Table;
import com.zebros.crm.webhook.WebhookSignature;
import com.zebros.crm.webhook.WebhookTarget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Webhooks end to end on real local parts: the API on DynamoDB Local, the jobs table's real stream handed to the
 * webhooks function as Lambda hands it, a real FIFO queue (ElasticMQ) between its two halves, and an HTTP server
 * on 127.0.0.1 as the endpoint, which verifies every signature. The test plays Lambda's poller: it receives
 * messages, calls the function, deletes what it did not report failed.
 */
class WebhooksTest {
    private static LocalSqs localSqs;
    private static SqsClient sqs;
    private static String queue;
    private static LocalServer api;
    private static HttpServer endpoint;
    private static final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private static final AtomicInteger failNext = new AtomicInteger();
    private static WebhooksHandler function;

    @BeforeAll
    static void start() throws Exception {
        localSqs = new LocalSqs();
        sqs = localSqs.client();
        String sqsEndpoint = localSqs.endpoint();
        queue = sqs.createQueue(r -> r.queueName("zebros-test-webhooks.fifo")
                        .attributes(Map.of(
                                QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.VISIBILITY_TIMEOUT, "60")))
                .queueUrl();
        api = new LocalServer(0, Map.of(WebhookTarget.ALLOW_PRIVATE, "true"));
        Map<String, String> env = new HashMap<>(api.dynamo().environment());
        env.put("WEBHOOK_QUEUE_URL", queue);
        env.put("SQS_ENDPOINT", sqsEndpoint);
        env.put(WebhookTarget.ALLOW_PRIVATE, "true");
        function = new WebhooksHandler(env);
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/hook", exchange -> {
            Map<String, String> delivery = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> delivery.put(name.toLowerCase(), values.get(0)));
            delivery.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            delivery.put("answered", String.valueOf(status));
            received.add(delivery);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        endpoint.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/hook");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterAll
    static void stop() {
        endpoint.stop(0);
        api.close();
        localSqs.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(api.url() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String path, String token, String body, String ifMatch)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(api.url() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("If-Match", ifMatch)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aContactsChangesReachItsEndpointSignedInOrderAndAFailedDeliveryIsRetried() throws Exception {
        String tenant = "hooks-" + UUID.randomUUID();
        String token = api.issuer().token(tenant, "user-of-" + tenant, List.of(Principal.ADMIN));
        var registered = call(
                "POST",
                "/v1/webhooks",
                token,
                "{\"url\":\"http://127.0.0.1:" + endpoint.getAddress().getPort()
                        + "/hook\",\"events\":[\"contact.created\",\"contact.updated\",\"contact.deleted\"]}");
        assertEquals(201, registered.statusCode(), registered.body());
        String secret = JsonParser.parseString(registered.body())
                .getAsJsonObject()
                .get("secret")
                .getAsString();
        String webhookId = JsonParser.parseString(registered.body())
                .getAsJsonObject()
                .get("id")
                .getAsString();
        assertFalse(
                call("GET", "/v1/webhooks/" + webhookId, token, null).body().contains(secret),
                "shown once, at registration");

        String customer = JsonParser.parseString(call("POST", "/v1/customers", token, "{\"name\":\"Hooked\"}")
                        .body())
                .getAsJsonObject()
                .get("id")
                .getAsString();
        String contact = JsonParser.parseString(call(
                                "POST",
                                "/v1/customers/" + customer + "/contacts",
                                token,
                                "{\"firstName\":\"Ada\",\"lastName\":\"L\"}")
                        .body())
                .getAsJsonObject()
                .get("id")
                .getAsString();
        assertEquals(
                200,
                send("PATCH", "/v1/contacts/" + contact, token, "{\"title\":\"CTO\"}", "\"1\"")
                        .statusCode());
        assertEquals(
                200,
                send("PATCH", "/v1/contacts/" + contact, token, "{\"title\":\"CEO\"}", "\"2\"")
                        .statusCode());
        assertEquals(204, call("DELETE", "/v1/contacts/" + contact, token, null).statusCode());

        JsonObject stream = streamEvent(tenant);
        assertEquals(0, invoke(stream).size(), "the fan-out took every record");
        assertEquals(0, invoke(stream).size(), "a stream batch retried sends nothing twice (FIFO deduplication)");

        failNext.set(1);
        received.clear();
        int rounds = 0;
        while (received.stream().filter(d -> d.get("answered").equals("204")).count() < 4 && rounds++ < 10) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queue)
                            .maxNumberOfMessages(10)
                            .messageSystemAttributeNames(
                                    MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                                    MessageSystemAttributeName.MESSAGE_GROUP_ID))
                    .messages();
            List<String> failed = invoke(sqsEvent(messages));
            for (Message m : messages) {
                if (failed.contains(m.messageId())) {
                    if (failed.indexOf(m.messageId()) == 0) {
                        assertEquals(
                                0,
                                sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10))
                                        .messages()
                                        .size(),
                                "the failed message waits its backoff and holds back the rest of its group");
                    }
                    // Time passes: the backoff is over.
                    sqs.changeMessageVisibility(b ->
                            b.queueUrl(queue).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
                } else {
                    sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
                }
            }
        }
        List<String> delivered = new ArrayList<>();
        for (Map<String, String> d : received) {
            assertTrue(
                    WebhookSignature.verify(
                            secret,
                            d.get("zebros-signature"),
                            d.get("body"),
                            Instant.now(),
                            WebhookSignature.TOLERANCE),
                    "every delivery is signed with the webhook's secret");
            JsonObject event = JsonParser.parseString(d.get("body")).getAsJsonObject();
            assertEquals(event.get("id").getAsString(), d.get("zebros-event-id"));
            if (d.get("answered").equals("204")) {
                delivered.add(event.get("type").getAsString() + " v"
                        + event.getAsJsonObject("data").get("version").getAsLong());
            }
        }
        assertEquals(
                List.of("contact.created v1", "contact.updated v2", "contact.updated v3", "contact.deleted v4"),
                delivered,
                "one item's events in order, the failed first one retried before the rest: " + received);
        assertEquals("500", received.get(0).get("answered"));
        assertEquals("2", received.get(1).get("zebros-delivery-attempt"));
        JsonObject update = JsonParser.parseString(received.get(2).get("body")).getAsJsonObject();
        assertEquals(
                "{\"title\":{\"old\":null,\"new\":\"CTO\"}}",
                update.getAsJsonObject("data").get("changes").toString());

        JsonArray deliveries = JsonParser.parseString(
                        call("GET", "/v1/webhooks/" + webhookId + "/deliveries", token, null)
                                .body())
                .getAsJsonObject()
                .getAsJsonArray("items");
        assertEquals(5, deliveries.size());
        List<String> outcomes = new ArrayList<>();
        deliveries.forEach(d -> outcomes.add(d.getAsJsonObject().get("outcome").getAsString()));
        assertEquals(1, outcomes.stream().filter("failed"::equals).count(), outcomes.toString());
    }

    /** Waits of 10 s doubling to 15 min: 20 receives span about 3 h 20 min. */
    @Test
    void aFailedDeliveryWaitsLongerEachTimeUpToFifteenMinutes() {
        long total = 0;
        for (int attempt = 1; attempt < 20; attempt++) {
            total += com.zebros.crm.webhook.WebhookDelivery.backoff(attempt).toSeconds();
        }
        assertEquals(10, com.zebros.crm.webhook.WebhookDelivery.backoff(1).toSeconds());
        assertEquals(640, com.zebros.crm.webhook.WebhookDelivery.backoff(7).toSeconds());
        assertEquals(900, com.zebros.crm.webhook.WebhookDelivery.backoff(8).toSeconds());
        assertEquals(900, com.zebros.crm.webhook.WebhookDelivery.backoff(19).toSeconds());
        assertEquals(
                10 + 20 + 40 + 80 + 160 + 320 + 640 + 12 * 900,
                total,
                "3 h 21 min 10 s between the first and the 20th");
    }

    /** A fan-out the queue refuses reports the first record it could not send, so Lambda retries from there. */
    @Test
    void aFanOutTheQueueRefusesIsRetriedFromTheFirstUnsentRecord() throws Exception {
        String tenant = "hooks-down-" + UUID.randomUUID();
        String token = api.issuer().token(tenant, "user-of-" + tenant, List.of(Principal.ADMIN));
        assertEquals(
                201,
                call("POST", "/v1/webhooks", token, "{\"url\":\"http://127.0.0.1:1/hook\",\"events\":[\"*\"]}")
                        .statusCode());
        call("POST", "/v1/customers", token, "{\"name\":\"One\"}");
        call("POST", "/v1/customers", token, "{\"name\":\"Two\"}");
        Map<String, String> env = new HashMap<>(api.dynamo().environment());
        env.put("WEBHOOK_QUEUE_URL", queue + "-missing");
        env.put("SQS_ENDPOINT", localSqs.endpoint());
        var broken = new WebhooksHandler(env);
        JsonObject stream = streamEvent(tenant);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        broken.handleRequest(new ByteArrayInputStream(stream.toString().getBytes(StandardCharsets.UTF_8)), out, null);
        JsonArray failures = JsonParser.parseString(out.toString(StandardCharsets.UTF_8))
                .getAsJsonObject()
                .getAsJsonArray("batchItemFailures");
        assertEquals(1, failures.size(), out.toString(StandardCharsets.UTF_8));
        String firstHistory = null;
        for (var r : stream.getAsJsonArray("Records")) {
            JsonObject record = r.getAsJsonObject();
            if (record.getAsJsonObject("dynamodb")
                    .getAsJsonObject("Keys")
                    .getAsJsonObject("jobId")
                    .get("S")
                    .getAsString()
                    .startsWith("#history#")) {
                firstHistory =
                        record.getAsJsonObject("dynamodb").get("SequenceNumber").getAsString();
                break;
            }
        }
        assertEquals(
                firstHistory,
                failures.get(0).getAsJsonObject().get("itemIdentifier").getAsString());
    }

    /** A redirect is not followed: it could lead to an address the check would refuse. The attempt is a failure. */
    @Test
    void aRedirectIsNotFollowed() throws Exception {
        String tenant = "hooks-redirect-" + UUID.randomUUID();
        String token = api.issuer().token(tenant, "user-of-" + tenant, List.of(Principal.ADMIN));
        String id = JsonParser.parseString(call(
                                "POST",
                                "/v1/webhooks",
                                token,
                                "{\"url\":\"http://127.0.0.1:"
                                        + endpoint.getAddress().getPort() + "/moved\",\"events\":[\"*\"]}")
                        .body())
                .getAsJsonObject()
                .get("id")
                .getAsString();
        var registry = new com.zebros.crm.webhook.WebhookRegistry(new com.zebros.crm.store.Store(
                api.dynamo().client(), api.dynamo().names()));
        var delivery = new com.zebros.crm.webhook.WebhookDelivery(
                registry, new WebhookTarget(true), java.time.Clock.systemUTC());
        received.clear();
        String message = "{\"tenantId\":\"" + tenant + "\",\"webhookId\":\"" + id + "\",\"event\":{\"id\":\"evt_1\","
                + "\"type\":\"customer.created\",\"data\":{\"id\":\"cus_1\"}}}";
        assertEquals(com.zebros.crm.webhook.WebhookDelivery.Outcome.FAILED, delivery.deliver(message, 1));
        assertEquals(List.of(), received, "the address it was sent to was not asked");
        JsonObject attempt = JsonParser.parseString(call("GET", "/v1/webhooks/" + id + "/deliveries", token, null)
                        .body())
                .getAsJsonObject()
                .getAsJsonArray("items")
                .get(0)
                .getAsJsonObject();
        assertEquals(302, attempt.get("httpStatus").getAsInt());
    }

    @Test
    void aSignatureIsRefusedWhenReplayedLateOrTheBodyChanged() {
        Instant sent = Instant.parse("2026-12-06T10:00:00Z");
        String header = WebhookSignature.sign("whsec_x", "{\"a\":1}", sent);
        assertTrue(WebhookSignature.verify(
                "whsec_x", header, "{\"a\":1}", sent.plusSeconds(60), WebhookSignature.TOLERANCE));
        assertFalse(
                WebhookSignature.verify(
                        "whsec_x", header, "{\"a\":1}", sent.plus(Duration.ofMinutes(6)), WebhookSignature.TOLERANCE),
                "replayed six minutes later");
        assertFalse(
                WebhookSignature.verify("whsec_x", header, "{\"a\":2}", sent, WebhookSignature.TOLERANCE),
                "body changed");
        assertFalse(
                WebhookSignature.verify("whsec_y", header, "{\"a\":1}", sent, WebhookSignature.TOLERANCE),
                "another secret");
        assertFalse(
                WebhookSignature.verify("whsec_x", "v1=abc", "{\"a\":1}", sent, WebhookSignature.TOLERANCE), "no time");
    }

    @Test
    void theDeployedApiRegistersOnlyHttpsToPublicAddressesAndRolesAndTenantsApply() throws Exception {
        String tenant = "hooks-roles-" + UUID.randomUUID();
        String admin = com.zebros.crm.local.Api.admin(tenant);
        for (String url : List.of(
                "http://hooks.example/x",
                "https://127.0.0.1/x",
                "https://10.1.2.3/x",
                "https://169.254.169.254/latest",
                "https://[::1]/x",
                "https://localhost/x",
                "https://user:pw@hooks.example/x",
                "not a url")) {
            var refused = com.zebros.crm.local.Api.post(
                    "/v1/webhooks", admin, "{\"url\":\"" + url + "\",\"events\":[\"*\"]}");
            assertEquals(400, refused.status(), url + ": " + refused.body());
        }
        String good = "{\"url\":\"https://hooks.example/crm\",\"events\":[\"*\"]}";
        assertEquals(
                403,
                com.zebros.crm.local.Api.post(
                                "/v1/webhooks", com.zebros.crm.local.Api.token(tenant, Principal.USER), good)
                        .status());
        assertEquals(
                400,
                com.zebros.crm.local.Api.post(
                                "/v1/webhooks", admin, "{\"url\":\"https://hooks.example\",\"events\":[\"deal.won\"]}")
                        .status());
        String id = com.zebros.crm.local.Api.post("/v1/webhooks", admin, good)
                .json()
                .get("id")
                .getAsString();
        String other = com.zebros.crm.local.Api.admin("other-" + UUID.randomUUID());
        assertEquals(
                404, com.zebros.crm.local.Api.get("/v1/webhooks/" + id, other).status());
        assertEquals(
                404,
                com.zebros.crm.local.Api.delete("/v1/webhooks/" + id, other).status());
        assertEquals(
                200,
                com.zebros.crm.local.Api.get(
                                "/v1/webhooks", com.zebros.crm.local.Api.token(tenant, Principal.READ_ONLY))
                        .status());
        for (int i = 1; i < 10; i++) {
            assertEquals(
                    201,
                    com.zebros.crm.local.Api.post("/v1/webhooks", admin, good).status());
        }
        assertEquals(
                409, com.zebros.crm.local.Api.post("/v1/webhooks", admin, good).status(), "at most ten per tenant");
        assertEquals(
                204,
                com.zebros.crm.local.Api.delete("/v1/webhooks/" + id, admin).status());
        assertEquals(
                201,
                com.zebros.crm.local.Api.post("/v1/webhooks", admin, good).status(),
                "a removed one frees its place");
    }

    @Test
    void onlyPublicAddressesArePublic() throws Exception {
        for (String address : List.of(
                "10.0.0.1",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "127.0.0.1",
                "0.0.0.0",
                "::1",
                "fe80::1",
                "fd00::1",
                "224.0.0.1")) {
            assertFalse(
                    new WebhookTarget(false)
                            .problem("https://" + (address.contains(":") ? "[" + address + "]" : address) + "/x")
                            .isEmpty(),
                    address);
        }
        for (String address : List.of("8.8.8.8", "1.1.1.1", "[2001:4860:4860::8888]")) {
            assertTrue(
                    new WebhookTarget(false)
                            .problem("https://" + address + "/x")
                            .isEmpty(),
                    address);
        }
    }

    /** Calls the function with {@code event}; the ids it reported failed. */
    private static List<String> invoke(JsonObject event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)), out, null);
        List<String> failed = new ArrayList<>();
        JsonParser.parseString(out.toString(StandardCharsets.UTF_8))
                .getAsJsonObject()
                .getAsJsonArray("batchItemFailures")
                .forEach(f ->
                        failed.add(f.getAsJsonObject().get("itemIdentifier").getAsString()));
        return failed;
    }

    /** The jobs table's stream records of {@code tenant}, in the JSON Lambda hands a function. */
    private static JsonObject streamEvent(String tenant) {
        LocalDynamo dynamo = api.dynamo();
        JsonArray records = new JsonArray();
        try (var streams = DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(dynamo.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(LocalDynamo.credentials())
                .build()) {
            String table = dynamo.names().get(Table.JOBS);
            String arn = dynamo.client()
                    .describeTable(b -> b.tableName(table))
                    .table()
                    .latestStreamArn();
            for (var shard : streams.describeStream(b -> b.streamArn(arn))
                    .streamDescription()
                    .shards()) {
                String iterator = streams.getShardIterator(b -> b.streamArn(arn)
                                .shardId(shard.shardId())
                                .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                        .shardIterator();
                for (int i = 0; i < 50 && iterator != null; i++) {
                    String current = iterator;
                    var batch = streams.getRecords(b -> b.shardIterator(current));
                    for (var r : batch.records()) {
                        if (!r.dynamodb().keys().get("tenantId").s().equals(tenant)) {
                            continue;
                        }
                        JsonObject change = new JsonObject();
                        change.add("Keys", image(r.dynamodb().keys()));
                        if (r.dynamodb().hasNewImage()) {
                            change.add("NewImage", image(r.dynamodb().newImage()));
                        }
                        change.addProperty("SequenceNumber", r.dynamodb().sequenceNumber());
                        JsonObject record = new JsonObject();
                        record.addProperty("eventName", r.eventNameAsString());
                        record.addProperty("eventSource", "aws:dynamodb");
                        record.add("dynamodb", change);
                        records.add(record);
                    }
                    if (batch.records().isEmpty()) {
                        break;
                    }
                    iterator = batch.nextShardIterator();
                }
            }
        }
        JsonObject event = new JsonObject();
        event.add("Records", records);
        return event;
    }

    private static JsonObject sqsEvent(List<Message> messages) {
        JsonArray records = new JsonArray();
        for (Message m : messages) {
            JsonObject attributes = new JsonObject();
            m.attributes().forEach((name, value) -> attributes.addProperty(name.toString(), value));
            JsonObject record = new JsonObject();
            record.addProperty("messageId", m.messageId());
            record.addProperty("receiptHandle", m.receiptHandle());
            record.addProperty("body", m.body());
            record.add("attributes", attributes);
            record.addProperty("eventSource", "aws:sqs");
            records.add(record);
        }
        JsonObject event = new JsonObject();
        event.add("Records", records);
        return event;
    }

    /** An item in DynamoDB's JSON form, as a stream record carries it. */
    private static JsonObject image(Map<String, AttributeValue> item) {
        JsonObject json = new JsonObject();
        item.forEach((name, value) -> json.add(name, typed(value)));
        return json;
    }

    private static JsonObject typed(AttributeValue value) {
        JsonObject typed = new JsonObject();
        if (value.s() != null) {
            typed.addProperty("S", value.s());
        } else if (value.n() != null) {
            typed.addProperty("N", value.n());
        } else if (value.bool() != null) {
            typed.addProperty("BOOL", value.bool());
        } else if (value.hasM()) {
            typed.add("M", image(value.m()));
        } else if (value.hasL()) {
            JsonArray list = new JsonArray();
            value.l().forEach(v -> list.add(typed(v)));
            typed.add("L", list);
        } else {
            typed.addProperty("NULL", true);
        }
        return typed;
    }
}
