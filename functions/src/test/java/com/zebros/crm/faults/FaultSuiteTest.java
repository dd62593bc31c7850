package com.zebros.crm.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.google.gson.JsonParser;
import com.zebros.crm.Service;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.auth.TokenVerifier;
import com.zebros.crm.http.Request;
import com.zebros.crm.http.Response;
import com.zebros.crm.lambda.AuthorizerHandler;
import com.zebros.crm.local.DevTokenIssuer;
import com.zebros.crm.local.LocalDynamo;
import com.zebros.crm.local.RedisNodes;
import com.zebros.crm.store.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every dependency the API calls, stopped, slowed or throttled under the real service (built from its
 * environment, as Lambda builds it, with its real clients and timeouts): DynamoDB Local's listener
 * closed, delayed and answering DynamoDB's throttling error; the machine's redis-server on ports of
 * its own, single and cluster, killed and started; ElasticMQ stopped and started; the issuer's key
 * endpoint stopped, slowed and started. Each scenario asserts the answer, its latency bound and what
 * the tables hold afterwards, then recovery with the same service, no restart. docs/api.md's table is
 * this list ({@code -Dreadme.update=true} writes it).
 */
class FaultSuiteTest {
    private static final Path README = Path.of("../docs/api.md");
    private static final String START = "<!-- faults -->";
    private static final String END = "<!-- /faults -->";
    /** What a bound allows over its timeouts: scheduling on a loaded 2-core machine. */
    private static final long SLACK_MS = 500;

    private static final long CALL_BOUND_MS = Timeouts.CALL.toMillis() + SLACK_MS;
    private static final long REQUEST_BOUND_MS = Timeouts.REQUEST.toMillis() + Timeouts.CALL.toMillis() + SLACK_MS;
    /** A read that falls back from Redis: the Redis timeout, twice for a cluster's two attempts, and the table read. */
    private static final long REDIS_BOUND_MS = 2 * Timeouts.REDIS.toMillis() + SLACK_MS;

    private static LocalDynamo dynamo;
    private static TestClock clock;
    private static Service service;
    private static RedisNodes redis;
    private static Service cached;
    private static RedisNodes cluster;
    private static Service clusterCached;
    private static int sqsPort;
    private static SQSRestServer sqsServer;
    private static String queueUrl;
    private static Service queued;
    private static KeysEndpoint keys;
    private static DevTokenIssuer issuer;

    /** One row of the suite: what fails, how, what the API answers, in what time, and what the data is after. */
    record Scenario(String dependency, String fault, String answer, String bound, String data, Check check) {}

    interface Check {
        void run() throws Exception;
    }

    record Timed(Response response, long millis) {
        int status() {
            return response.status();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        dynamo = new LocalDynamo();
        clock = new TestClock();
        service = Service.fromEnvironment(dynamo.environment(), clock);

        redis = new RedisNodes(1, false);
        cached = Service.fromEnvironment(with("REDIS_ENDPOINT", redis.endpoint()), clock);
        cluster = new RedisNodes(3, true);
        clusterCached = Service.fromEnvironment(
                with("REDIS_ENDPOINT", cluster.endpoint(), "REDIS_CLUSTER_MODE", "enabled"), clock);

        sqsPort = LocalDynamo.freePort();
        startSqs();
        queued = Service.fromEnvironment(
                with("JOB_QUEUE_URL", queueUrl, "SQS_ENDPOINT", "http://127.0.0.1:" + sqsPort), clock);

        issuer = new DevTokenIssuer("http://127.0.0.1:" + LocalDynamo.freePort() + "/realms/zebros");
        keys = new KeysEndpoint(Integer.parseInt(issuer.issuer().replaceAll(".*:(\\d+)/.*", "$1")), issuer.jwksJson());
    }

    @AfterAll
    static void stop() throws Exception {
        keys.close();
        if (sqsServer != null) {
            sqsServer.stopAndWait();
        }
        cluster.close();
        redis.close();
        dynamo.close();
    }

    @AfterEach
    void heal() {
        dynamo.server().heal();
    }

    private static Map<String, String> with(String... pairs) {
        Map<String, String> env = new HashMap<>(dynamo.environment());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static void startSqs() {
        sqsServer = SQSRestServerBuilder.withPort(sqsPort)
                .withInterface("127.0.0.1")
                .start();
        sqsServer.waitUntilStarted();
        try (SqsClient sqs = sqs()) {
            queueUrl =
                    sqs.createQueue(r -> r.queueName("zebros-faults-job-queue")).queueUrl();
        }
    }

    private static SqsClient sqs() {
        return SqsClient.builder()
                .endpointOverride(java.net.URI.create("http://127.0.0.1:" + sqsPort))
                .region(Region.US_EAST_1)
                .credentialsProvider(LocalDynamo.credentials())
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
    }

    static List<Scenario> scenarios() {
        List<Scenario> all = new ArrayList<>();
        String call = "≤ " + ms(CALL_BOUND_MS);
        String request = "≤ " + ms(REQUEST_BOUND_MS);
        String redisBound = "≤ " + ms(REDIS_BOUND_MS);
        all.add(new Scenario(
                "DynamoDB",
                "down (listener closed): a read",
                "503, Retry-After",
                call,
                "unchanged",
                FaultSuiteTest::dynamoDownRead));
        all.add(new Scenario(
                "DynamoDB",
                "down: a create, then up again",
                "503, Retry-After; then 201, same service",
                call,
                "nothing written while down",
                FaultSuiteTest::dynamoDownCreate));
        all.add(new Scenario(
                "DynamoDB",
                "down: the health check",
                "503 `failing`; then 200",
                call,
                "—",
                FaultSuiteTest::dynamoDownHealth));
        all.add(new Scenario(
                "DynamoDB",
                "throttled (every call)",
                "503, Retry-After",
                call,
                "nothing written",
                FaultSuiteTest::dynamoThrottled));
        all.add(new Scenario(
                "DynamoDB",
                "slow, over the 1 s attempt timeout",
                "503, Retry-After; the retry with the "
                        + "same Idempotency-Key: 409 until the 30 s lease ends, then 201",
                call,
                "one item, whichever attempt " + "wrote",
                FaultSuiteTest::dynamoSlowCreate));
        all.add(new Scenario(
                "DynamoDB",
                "slow from the second call: the write lands after the client gave up",
                "503; the retry with the same key: 201 with the item that landed",
                request,
                "one item",
                FaultSuiteTest::dynamoWriteLandsLate));
        all.add(new Scenario(
                "DynamoDB",
                "slow, under the timeouts (700 ms a call)",
                "201",
                request,
                "written once",
                FaultSuiteTest::dynamoSlowButInTime));
        all.add(new Scenario(
                "DynamoDB",
                "slow from a batch's second record on",
                "503, Retry-After; the retry with the " + "same key: 200, every record 201",
                request,
                "each record once",
                FaultSuiteTest::dynamoFailsHalfwayThroughABatch));
        all.add(new Scenario(
                "DAX",
                "unreachable (the real DAX client; no cluster answers)",
                "200: the reads DAX " + "serves come from DynamoDB; DAX is tried again after 5 s",
                call,
                "unchanged",
                FaultSuiteTest::daxUnreachable));
        all.add(new Scenario(
                "Redis, one node",
                "down at start-up",
                "the service starts; 200 from the table",
                redisBound,
                "unchanged",
                FaultSuiteTest::redisDownAtStart));
        all.add(new Scenario(
                "Redis, one node",
                "comes up",
                "200; reads cached again after the 5 s pause, no restart",
                "—",
                "cache filled",
                FaultSuiteTest::redisComesUp));
        all.add(new Scenario(
                "Redis, one node",
                "down mid-run: reads and a write",
                "200 from the table",
                redisBound,
                "the write stored; read back current",
                FaultSuiteTest::redisDownMidRun));
        all.add(new Scenario(
                "Redis, cluster",
                "down at start-up (no node answers)",
                "the service starts; 200 from the table",
                redisBound,
                "unchanged",
                FaultSuiteTest::clusterDownAtStart));
        all.add(new Scenario(
                "Redis, cluster",
                "formed; then every node killed; then back",
                "200 throughout; cached again " + "after the pause",
                redisBound,
                "cache refilled",
                FaultSuiteTest::clusterDownMidRunAndBack));
        all.add(new Scenario(
                "SQS",
                "down: a report started",
                "503, Retry-After; then 202 and one message",
                call,
                "no job left QUEUED without a message",
                FaultSuiteTest::sqsDownReport));
        all.add(new Scenario(
                "SQS",
                "down: an import started",
                "503, Retry-After; then 202",
                call,
                "the import waits for its start again (AWAITING_UPLOAD)",
                FaultSuiteTest::sqsDownImport));
        all.add(new Scenario(
                "S3",
                "unreachable (no endpoint answers)",
                "201 with an upload link: links are signed " + "offline, the API calls no S3",
                "—",
                "the job recorded",
                FaultSuiteTest::s3Unreachable));
        all.add(new Scenario(
                "Token issuer's keys",
                "endpoint down, no keys fetched yet",
                "authorizer error: the REST " + "API answers 503 with Retry-After (not 401)",
                "≤ " + ms(2 * TokenVerifier.KEYS_TIMEOUT_MILLIS + SLACK_MS),
                "—",
                FaultSuiteTest::keysDownAtStart));
        all.add(new Scenario(
                "Token issuer's keys",
                "endpoint slow (over its 500 ms timeout)",
                "authorizer error → 503",
                "≤ " + ms(4 * TokenVerifier.KEYS_TIMEOUT_MILLIS + SLACK_MS),
                "—",
                FaultSuiteTest::keysSlow));
        all.add(new Scenario(
                "Token issuer's keys",
                "endpoint comes back",
                "Allow within the 5 s fetch interval, no restart",
                "≤ " + ms(TokenVerifier.KEYS_FETCH_INTERVAL_MILLIS + 1000),
                "—",
                FaultSuiteTest::keysComeBack));
        all.add(new Scenario(
                "Token issuer's keys",
                "endpoint down after keys were fetched, past their cache time",
                "Allow: keys kept through the outage",
                "—",
                "—",
                FaultSuiteTest::keysOutageTolerated));
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everyDependencyFailsSafely() {
        return scenarios().stream()
                .map(s -> DynamicTest.dynamicTest(s.dependency() + ": " + s.fault(), s.check()::run));
    }

    @Test
    void readmeTableIsThisSuite() throws IOException {
        String text = Files.readString(README, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertTrue(start >= 0 && end > start, "docs/api.md has " + START + " … " + END);
        String now = table();
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(
                    README,
                    text.substring(0, start + START.length()) + "\n" + now + "\n" + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(
                now,
                text.substring(start + START.length(), end).strip(),
                "docs/api.md's fault table differs from the suite; run with -Dreadme.update=true");
    }

    static String table() {
        List<String> rows = new ArrayList<>();
        rows.add("| dependency | fault | the API answers | latency bound | data after |");
        rows.add("|---|---|---|---|---|");
        scenarios()
                .forEach(s -> rows.add("| " + s.dependency() + " | " + s.fault() + " | " + s.answer() + " | "
                        + s.bound() + " | " + s.data() + " |"));
        return String.join("\n", rows);
    }

    private static String ms(long millis) {
        return millis % 1000 == 0
                ? millis / 1000 + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    // ---- requests ------------------------------------------------------------------------------------------

    private static Timed call(Service to, String method, String path, String body, String tenant, String... headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        long start = System.nanoTime();
        Response response = to.handle(new Request(
                method,
                path,
                Map.of(),
                Map.of(),
                map,
                body,
                new Principal(tenant, "user-" + tenant, Set.of(Principal.ADMIN)),
                UUID.randomUUID().toString()));
        return new Timed(response, (System.nanoTime() - start) / 1_000_000);
    }

    private static String tenant() {
        return "faults-" + UUID.randomUUID();
    }

    private static String customer(Service to, String tenant) {
        Timed created = call(to, "POST", "/v1/customers", "{\"name\":\"Acme\"}", tenant);
        assertEquals(201, created.status(), created.response().body());
        return JsonParser.parseString(created.response().body())
                .getAsJsonObject()
                .get("id")
                .getAsString();
    }

    private static void unavailable(Timed reply, long boundMillis) {
        unavailable(reply, boundMillis, 2);
    }

    private static void unavailable(Timed reply, long boundMillis, int retryAfter) {
        assertEquals(503, reply.status(), reply.response().body());
        assertEquals(String.valueOf(retryAfter), reply.response().headers().get("Retry-After"));
        assertTrue(
                reply.response().body().contains("\"status\":503"),
                "a problem document: " + reply.response().body());
        assertTrue(
                reply.millis() <= boundMillis, "answered in " + reply.millis() + " ms, bound " + boundMillis + " ms");
    }

    /** The tenant's items in {@code table}, read consistently from the table itself. */
    private static List<Map<String, AttributeValue>> items(Table table, String tenant) {
        return dynamo.client()
                .query(q -> q.tableName(dynamo.names().get(table))
                        .consistentRead(true)
                        .keyConditionExpression("tenantId = :t")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenant))))
                .items();
    }

    private static List<Map<String, AttributeValue>> jobs(String tenant, String kind) {
        return items(Table.JOBS, tenant).stream()
                .filter(j -> kind.equals(j.get("kind").s()))
                .toList();
    }

    // ---- DynamoDB -------------------------------------------------------------------------------------------

    static void dynamoDownRead() {
        String tenant = tenant();
        String id = customer(service, tenant);
        dynamo.server().stopListening();
        unavailable(call(service, "GET", "/v1/customers/" + id, null, tenant), CALL_BOUND_MS);
        dynamo.server().startListening();
        assertEquals(
                200, call(service, "GET", "/v1/customers/" + id, null, tenant).status());
    }

    static void dynamoDownCreate() {
        String tenant = tenant();
        dynamo.server().stopListening();
        unavailable(call(service, "POST", "/v1/customers", "{\"name\":\"Down\"}", tenant), CALL_BOUND_MS);
        unavailable(
                call(service, "POST", "/v1/customers", "{\"name\":\"Down\"}", tenant, "Idempotency-Key", "down-key-1"),
                CALL_BOUND_MS);
        dynamo.server().startListening();
        assertEquals(0, items(Table.CUSTOMERS, tenant).size(), "nothing written while DynamoDB was down");
        assertEquals(
                201,
                call(service, "POST", "/v1/customers", "{\"name\":\"Down\"}", tenant, "Idempotency-Key", "down-key-1")
                        .status(),
                "the retry with the same key succeeds once DynamoDB is back");
        assertEquals(1, items(Table.CUSTOMERS, tenant).size());
    }

    static void dynamoDownHealth() {
        dynamo.server().stopListening();
        Timed failing = call(service, "GET", "/v1/health", null, "health");
        assertEquals(503, failing.status());
        assertTrue(failing.millis() <= CALL_BOUND_MS, failing.millis() + " ms");
        assertTrue(failing.response().body().contains("failing"));
        dynamo.server().startListening();
        assertEquals(200, call(service, "GET", "/v1/health", null, "health").status());
    }

    static void dynamoThrottled() {
        String tenant = tenant();
        String id = customer(service, tenant);
        dynamo.server().throttle(true);
        unavailable(call(service, "GET", "/v1/customers/" + id, null, tenant), CALL_BOUND_MS);
        unavailable(call(service, "POST", "/v1/customers", "{\"name\":\"Busy\"}", tenant), CALL_BOUND_MS);
        dynamo.server().throttle(false);
        assertEquals(1, items(Table.CUSTOMERS, tenant).size(), "the throttled create wrote nothing");
    }

    static void dynamoSlowCreate() throws InterruptedException {
        String tenant = tenant();
        dynamo.server().delay(Duration.ofMillis(1500));
        unavailable(
                call(service, "POST", "/v1/customers", "{\"name\":\"Slow\"}", tenant, "Idempotency-Key", "slow-key-1"),
                CALL_BOUND_MS);
        dynamo.server().heal();
        Thread.sleep(2000); // the calls the client gave up on reach DynamoDB Local now
        Timed retry =
                call(service, "POST", "/v1/customers", "{\"name\":\"Slow\"}", tenant, "Idempotency-Key", "slow-key-1");
        if (retry.status() == 409) {
            // The slow claim landed: the key is held until its lease ends, which the retry is told.
            assertNotNull(retry.response().headers().get("Retry-After"));
            clock.advance(Duration.ofSeconds(31));
            retry = call(
                    service, "POST", "/v1/customers", "{\"name\":\"Slow\"}", tenant, "Idempotency-Key", "slow-key-1");
        }
        assertEquals(201, retry.status(), retry.response().body());
        assertEquals(1, items(Table.CUSTOMERS, tenant).size(), "one customer, however many attempts reached the table");
        Timed replay =
                call(service, "POST", "/v1/customers", "{\"name\":\"Slow\"}", tenant, "Idempotency-Key", "slow-key-1");
        assertEquals("true", replay.response().headers().get("Idempotent-Replayed"));
    }

    static void dynamoWriteLandsLate() throws InterruptedException {
        String tenant = tenant();
        // The claim of the key passes; the write of the customer (and everything after) is slower than the timeouts.
        dynamo.server().delay(Duration.ofMillis(1500), 1);
        Timed first =
                call(service, "POST", "/v1/customers", "{\"name\":\"Late\"}", tenant, "Idempotency-Key", "late-key-1");
        unavailable(first, REQUEST_BOUND_MS);
        dynamo.server().heal();
        Thread.sleep(2000);
        assertEquals(1, items(Table.CUSTOMERS, tenant).size(), "the write the client gave up on landed");
        Timed retry =
                call(service, "POST", "/v1/customers", "{\"name\":\"Late\"}", tenant, "Idempotency-Key", "late-key-1");
        if (retry.status() == 409) {
            clock.advance(Duration.ofSeconds(31));
            retry = call(
                    service, "POST", "/v1/customers", "{\"name\":\"Late\"}", tenant, "Idempotency-Key", "late-key-1");
        }
        assertEquals(201, retry.status(), retry.response().body());
        assertEquals(1, items(Table.CUSTOMERS, tenant).size(), "the retry found the item instead of writing a second");
        String id = JsonParser.parseString(retry.response().body())
                .getAsJsonObject()
                .get("id")
                .getAsString();
        assertEquals(id, items(Table.CUSTOMERS, tenant).get(0).get("customerId").s());
    }

    static void dynamoSlowButInTime() {
        String tenant = tenant();
        String customer = customer(service, tenant);
        dynamo.server().delay(Duration.ofMillis(700));
        Timed created = call(
                service,
                "POST",
                "/v1/customers/" + customer + "/contacts",
                "{\"firstName\":\"A\",\"lastName\":\"B\"}",
                tenant,
                "Idempotency-Key",
                "in-time-key-1");
        dynamo.server().heal();
        assertEquals(201, created.status(), created.response().body());
        assertTrue(created.millis() >= 3 * 700, "three calls, each delayed: " + created.millis() + " ms");
        assertTrue(created.millis() <= REQUEST_BOUND_MS, created.millis() + " ms");
        assertEquals(1, items(Table.CONTACTS, tenant).size());
    }

    /**
     * A batch whose data store fails after its first record: the whole batch is a 503 (a write the client gave up on
     * can still land, so no record's fate is known), and its retry under the same key creates each record once.
     */
    static void dynamoFailsHalfwayThroughABatch() throws InterruptedException {
        String tenant = tenant();
        String body = "{\"mode\":\"create\",\"records\":[{\"name\":\"One\"},{\"name\":\"Two\"},{\"name\":\"Three\"}]}";
        // The key's claim and the first record's transaction pass; every call after them is slower than the timeouts.
        dynamo.server().delay(Duration.ofMillis(1500), 2);
        Timed first = call(service, "POST", "/v1/customers/batch", body, tenant, "Idempotency-Key", "batch-key-1");
        unavailable(first, REQUEST_BOUND_MS);
        dynamo.server().heal();
        Thread.sleep(2000);
        Timed retry = call(service, "POST", "/v1/customers/batch", body, tenant, "Idempotency-Key", "batch-key-1");
        if (retry.status() == 409) {
            clock.advance(Duration.ofSeconds(31));
            retry = call(service, "POST", "/v1/customers/batch", body, tenant, "Idempotency-Key", "batch-key-1");
        }
        assertEquals(200, retry.status(), retry.response().body());
        List<Integer> statuses = new ArrayList<>();
        JsonParser.parseString(retry.response().body())
                .getAsJsonObject()
                .getAsJsonArray("results")
                .forEach(r -> statuses.add(r.getAsJsonObject().get("status").getAsInt()));
        assertEquals(List.of(201, 201, 201), statuses);
        assertEquals(
                List.of("One", "Three", "Two"),
                items(Table.CUSTOMERS, tenant).stream()
                        .map(c -> c.get("name").s())
                        .sorted()
                        .toList(),
                "each record once, whichever attempt wrote it");
    }

    // ---- DAX ------------------------------------------------------------------------------------------------

    static void daxUnreachable() throws IOException {
        Service withDax =
                Service.fromEnvironment(with("DAX_ENDPOINT", "dax://127.0.0.1:" + LocalDynamo.freePort()), clock);
        String tenant = tenant();
        String id = customer(withDax, tenant);
        for (int i = 0; i < 3; i++) {
            Timed read = call(withDax, "GET", "/v1/customers/" + id, null, tenant);
            assertEquals(200, read.status(), read.response().body());
            assertTrue(read.millis() <= CALL_BOUND_MS, read.millis() + " ms");
            Timed list = call(withDax, "GET", "/v1/customers", null, tenant);
            assertEquals(200, list.status(), list.response().body());
            assertTrue(list.response().body().contains(id));
        }
    }

    // ---- Redis ----------------------------------------------------------------------------------------------

    static void redisDownAtStart() {
        String tenant = tenant();
        String id = customer(cached, tenant);
        servedFromTheTable(cached, tenant, id);
        servedFromTheTable(cached, tenant, id);
    }

    static void redisComesUp() throws Exception {
        redis.start();
        String tenant = tenant();
        cachedAfterThePause(cached, redis, tenant, customer(cached, tenant));
    }

    static void redisDownMidRun() throws Exception {
        String tenant = tenant();
        String id = customer(cached, tenant);
        assertEquals(
                200, call(cached, "GET", "/v1/customers/" + id, null, tenant).status());
        redis.stop();
        servedFromTheTable(cached, tenant, id);
        Timed write = call(cached, "PUT", "/v1/customers/" + id, "{\"name\":\"Renamed\"}", tenant, "If-Match", "\"1\"");
        assertEquals(200, write.status(), write.response().body());
        assertTrue(servedFromTheTable(cached, tenant, id).response().body().contains("Renamed"));
        redis.start();
        Timed back = cachedAfterThePause(cached, redis, tenant, id);
        assertTrue(back.response().body().contains("Renamed"), "the restarted Redis serves the current item");
    }

    static void clusterDownAtStart() {
        String tenant = tenant();
        servedFromTheTable(clusterCached, tenant, customer(clusterCached, tenant));
    }

    static void clusterDownMidRunAndBack() throws Exception {
        cluster.start();
        String tenant = tenant();
        String id = customer(clusterCached, tenant);
        cachedAfterThePause(clusterCached, cluster, tenant, id);
        cluster.stop();
        servedFromTheTable(clusterCached, tenant, id);
        cluster.start();
        cachedAfterThePause(clusterCached, cluster, tenant, id);
    }

    /** A read while Redis fails: answered from the table within the Redis bound. */
    private static Timed servedFromTheTable(Service to, String tenant, String id) {
        Timed read = call(to, "GET", "/v1/customers/" + id, null, tenant);
        assertEquals(200, read.status(), read.response().body());
        assertTrue(read.millis() <= REDIS_BOUND_MS, read.millis() + " ms");
        return read;
    }

    /** Once the pause after the last failure is over, a read fills Redis again: the same service, no restart. */
    private static Timed cachedAfterThePause(Service to, RedisNodes nodes, String tenant, String id)
            throws InterruptedException {
        Thread.sleep(RedisItemCachePause.MILLIS + 100);
        Timed read = call(to, "GET", "/v1/customers/" + id, null, tenant);
        assertEquals(200, read.status(), read.response().body());
        assertTrue(nodes.keys() >= 1, "the read filled the cache: Redis is used again without a restart");
        return read;
    }

    /** The cache's pause after a failure, as the tests wait it out. */
    private static final class RedisItemCachePause {
        static final long MILLIS = com.zebros.crm.cache.RedisItemCache.DEFAULT_PAUSE.toMillis();
    }

    // ---- SQS ------------------------------------------------------------------------------------------------

    static void sqsDownReport() {
        String tenant = tenant();
        sqsServer.stopAndWait();
        sqsServer = null;
        unavailable(call(queued, "POST", "/v1/reports", "{\"type\":\"pipeline\"}", tenant), CALL_BOUND_MS, 5);
        assertEquals(List.of(), jobs(tenant, "report"), "no job is left that no worker will read");
        startSqs();
        Timed started = call(queued, "POST", "/v1/reports", "{\"type\":\"pipeline\"}", tenant);
        assertEquals(202, started.status(), started.response().body());
        try (SqsClient sqs = sqs()) {
            var messages = sqs.receiveMessage(
                            r -> r.queueUrl(queueUrl).waitTimeSeconds(5).maxNumberOfMessages(10))
                    .messages();
            assertEquals(1, messages.size());
            assertTrue(messages.get(0).body().contains(tenant));
        }
        assertEquals(1, jobs(tenant, "report").size());
    }

    static void sqsDownImport() {
        String tenant = tenant();
        Timed created = call(queued, "POST", "/v1/imports", "{\"entity\":\"customers\"}", tenant);
        assertEquals(201, created.status(), created.response().body());
        String id = JsonParser.parseString(created.response().body())
                .getAsJsonObject()
                .get("id")
                .getAsString();
        sqsServer.stopAndWait();
        sqsServer = null;
        unavailable(call(queued, "POST", "/v1/imports/" + id, null, tenant), CALL_BOUND_MS, 5);
        assertEquals(
                "AWAITING_UPLOAD", jobs(tenant, "import").get(0).get("status").s());
        startSqs();
        assertEquals(
                202, call(queued, "POST", "/v1/imports/" + id, null, tenant).status());
        assertEquals("QUEUED", jobs(tenant, "import").get(0).get("status").s());
    }

    // ---- S3 -------------------------------------------------------------------------------------------------

    static void s3Unreachable() {
        String tenant = tenant();
        // FILES_BUCKET names a bucket of an endpoint that does not exist here; signing needs no call.
        Timed created = call(service, "POST", "/v1/imports", "{\"entity\":\"contacts\"}", tenant);
        assertEquals(201, created.status(), created.response().body());
        assertTrue(created.response().body().contains("uploadUrl"));
        assertEquals(1, jobs(tenant, "import").size());
    }

    // ---- the issuer's keys ----------------------------------------------------------------------------------

    private static APIGatewayCustomAuthorizerEvent event(String token) {
        var event = new APIGatewayCustomAuthorizerEvent();
        event.setAuthorizationToken("Bearer " + token);
        event.setMethodArn("arn:aws:execute-api:us-east-1:000000000000:api/v1/GET/v1/customers");
        return event;
    }

    private static String token() {
        return issuer.token("keys-tenant", "keys-user", List.of(Principal.USER));
    }

    static void keysDownAtStart() {
        var handler = new AuthorizerHandler(TokenVerifier.forIssuer(issuer.issuer(), DevTokenIssuer.AUDIENCE));
        long start = System.nanoTime();
        var error = assertThrows(RuntimeException.class, () -> handler.handleRequest(event(token()), null));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertFalse("Unauthorized".equals(error.getMessage()), "a good token is not refused as unauthorized");
        assertTrue(millis <= 2 * TokenVerifier.KEYS_TIMEOUT_MILLIS + SLACK_MS, millis + " ms");
    }

    static void keysSlow() throws IOException {
        keys.start();
        keys.delay(1500);
        try {
            var handler = new AuthorizerHandler(TokenVerifier.forIssuer(issuer.issuer(), DevTokenIssuer.AUDIENCE));
            long start = System.nanoTime();
            var error = assertThrows(RuntimeException.class, () -> handler.handleRequest(event(token()), null));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertFalse("Unauthorized".equals(error.getMessage()));
            assertTrue(millis <= 4 * TokenVerifier.KEYS_TIMEOUT_MILLIS + SLACK_MS, millis + " ms");
        } finally {
            keys.delay(0);
            keys.stop();
        }
    }

    static void keysComeBack() throws Exception {
        var handler = new AuthorizerHandler(TokenVerifier.forIssuer(issuer.issuer(), DevTokenIssuer.AUDIENCE));
        assertThrows(RuntimeException.class, () -> handler.handleRequest(event(token()), null));
        keys.start();
        long start = System.nanoTime();
        long deadline = start + (TokenVerifier.KEYS_FETCH_INTERVAL_MILLIS + 1000) * 1_000_000;
        boolean allowed = false;
        while (!allowed && System.nanoTime() < deadline) {
            try {
                allowed = handler.handleRequest(event(token()), null).getPolicyDocument() != null;
            } catch (RuntimeException e) {
                Thread.sleep(250);
            }
        }
        assertTrue(allowed, "the same authorizer verifies again once the endpoint is back");
        keys.stop();
    }

    static void keysOutageTolerated() throws Exception {
        keys.start();
        // A cache shorter than production's hour (it must outlast the 5 s fetch interval), so the test can outlive it.
        long cached = TokenVerifier.KEYS_FETCH_INTERVAL_MILLIS + 1000;
        var handler = new AuthorizerHandler(TokenVerifier.forIssuer(issuer.issuer(), DevTokenIssuer.AUDIENCE, cached));
        assertNotNull(handler.handleRequest(event(token()), null).getPolicyDocument());
        keys.stop();
        Thread.sleep(cached + 500);
        assertNotNull(
                handler.handleRequest(event(token()), null).getPolicyDocument(),
                "keys past their cache time still verify while the endpoint is down");
    }
}
