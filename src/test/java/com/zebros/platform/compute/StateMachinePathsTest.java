package com.zebros.platform.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.platform.AwsTypes;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.PlannedResource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Every path of every state machine the plans hold, executed: the definitions as the plans register them run in
 * aws-local-stepfunctions, a local Amazon States Language interpreter (tools/asl, checked by asl-validator first),
 * their DynamoDB calls against DynamoDB Local. Every Task state of every kind's path is made to succeed, to fail with
 * the error names AWS uses (States.TaskFailed, States.Timeout, DynamoDB.ConditionalCheckFailedException, ECS and SQS
 * exceptions), once and then succeed, or every time; executions are also stopped and timed out, and left with no free
 * slot. An execution that ends ABORTED, TIMED_OUT or FAILED is handed to the backstop workflow as EventBridge would.
 * For every path: the execution's status, the job's status and failure, and the slot after it.
 */
class StateMachinePathsTest {
    private static final Path HARNESS = StackHarness.PROJECT.resolve("tools/asl");
    private static final String ENTERED = "2026-12-06T10:00:00Z";
    private static DynamoDBProxyServer server;
    private static DynamoDbClient dynamo;
    private static String endpoint;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-port", String.valueOf(port), "-disableTelemetry"});
        server.start();
        endpoint = "http://127.0.0.1:" + port;
        dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        dynamo.close();
        server.stop();
    }

    /** A state machine of a plan: its definition, and which stack and phase it came from. */
    private record Machine(String id, JsonObject definition, String region, String role) {
        String stack() {
            return id.substring(0, id.indexOf("-p"));
        }
    }

    private static Map<String, Machine> machines() {
        Map<String, Machine> byId = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String stack : StackHarness.STACKS) {
            for (int phase = 0; phase <= 3; phase++) {
                for (PlannedResource r : StackHarness.rawPlan(stack, phase).ofType(AwsTypes.SFN_STATE_MACHINE)) {
                    String text = String.valueOf(r.inputs().get("definition"));
                    if (!seen.add(text)) {
                        continue;
                    }
                    String name = String.valueOf(r.inputs().get("name"));
                    String role = name.endsWith("-jobs")
                            ? "jobs"
                            : name.endsWith("-slot-release")
                                    ? "release"
                                    : name.endsWith("-slot-audit") ? "audit" : "other";
                    String id = stack + "-p" + phase + "-" + role;
                    byId.put(id, new Machine(id, JsonParser.parseString(text).getAsJsonObject(), r.region(), role));
                }
            }
        }
        return byId;
    }

    private static void createTable(String name) {
        if (dynamo.listTables().tableNames().contains(name)) {
            return;
        }
        dynamo.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName("tenantId")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("jobId")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName("tenantId")
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("jobId")
                                .keyType(KeyType.RANGE)
                                .build()));
    }

    /** The jobs table a definition writes. */
    private static String jobsTable(JsonObject definition) {
        Set<String> tables = new TreeSet<>();
        collectTables(definition, tables);
        assertEquals(1, tables.size(), tables.toString());
        return tables.iterator().next();
    }

    private static void collectTables(JsonElement element, Set<String> out) {
        if (element.isJsonObject()) {
            element.getAsJsonObject().entrySet().forEach(e -> {
                if (e.getKey().equals("TableName")) {
                    out.add(e.getValue().getAsString());
                } else {
                    collectTables(e.getValue(), out);
                }
            });
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(child -> collectTables(child, out));
        }
    }

    /** What a Task state is made to do, attempt by attempt, per kind of resource. */
    private static List<List<String>> outcomes(String resource) {
        if (resource.contains(":dynamodb:")) {
            return List.of(
                    List.of("fail:DynamoDB.ProvisionedThroughputExceededException", "ok"),
                    List.of("fail:DynamoDB.ProvisionedThroughputExceededException"),
                    List.of("fail:DynamoDB.InternalServerErrorException"),
                    List.of("fail:DynamoDB.ResourceNotFoundException"),
                    List.of("timeout"));
        }
        if (resource.contains(":ecs:")) {
            return List.of(
                    List.of("fail:ECS.AmazonECSException", "ok"),
                    List.of("fail:ECS.AmazonECSException"),
                    List.of("fail:States.TaskFailed", "ok"),
                    List.of("fail:States.TaskFailed"),
                    List.of("timeout"));
        }
        return List.of(
                List.of("timeout", "ok"),
                List.of("timeout"),
                List.of("fail:States.TaskFailed"),
                List.of("fail:SQS.SdkClientException", "ok"),
                List.of("fail:SQS.AmazonSQSException"));
    }

    /** One path of a job execution, and what it must end as. */
    private record JobPath(
            String id,
            String kind,
            Map<String, List<String>> outcomes,
            int otherHolders,
            String abortAt,
            boolean hangAt,
            boolean jobSucceeds,
            Map<String, List<String>> backstopOutcomes) {
        JobPath(
                String id,
                String kind,
                Map<String, List<String>> outcomes,
                int otherHolders,
                String abortAt,
                boolean hangAt,
                boolean jobSucceeds) {
            this(id, kind, outcomes, otherHolders, abortAt, hangAt, jobSucceeds, Map.of());
        }
    }

    private static Machine machineOf(Map<String, Machine> machines, String stack, String role) {
        return machines.values().stream()
                .filter(m -> m.role().equals(role) && m.stack().equals(stack))
                .findFirst()
                .orElseThrow();
    }

    private static List<JobPath> paths(JsonObject definition, int limit, JsonObject backstop) {
        JsonObject states = definition.getAsJsonObject("States");
        List<JobPath> paths = new ArrayList<>();
        for (JsonElement choice : states.getAsJsonObject("ChooseWorker").getAsJsonArray("Choices")) {
            String kind = choice.getAsJsonObject().get("StringEquals").getAsString();
            String name = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
            boolean slotted = states.has("Acquire" + name + "Slot");
            String run = "Run" + name;
            paths.add(new JobPath(kind + " succeeds", kind, Map.of(), 0, null, false, true));
            List<String> successPath = slotted
                    ? List.of("Acquire" + name + "Slot", run, "Release" + name + "Slot")
                    : List.of("Track" + name, run, "Untrack" + name);
            for (String state : successPath) {
                for (List<String> plan : outcomes(resource(states, state))) {
                    boolean recovers = plan.get(plan.size() - 1).equals("ok");
                    boolean jobSucceeds = recovers || state.startsWith("Release") || state.startsWith("Untrack");
                    paths.add(new JobPath(
                            kind + ": " + state + " " + plan, kind, Map.of(state, plan), 0, null, false, jobSucceeds));
                }
            }
            List<String> failurePath = slotted
                    ? List.of("Release" + name + "SlotAfterFailure", "RecordFailure")
                    : List.of("Untrack" + name + "AfterFailure", "RecordFailure");
            for (String state : failurePath) {
                for (List<String> plan : outcomes(resource(states, state))) {
                    paths.add(new JobPath(
                            kind + ": " + run + " fails, then " + state + " " + plan,
                            kind,
                            Map.of(run, List.of("fail:States.TaskFailed"), state, plan),
                            0,
                            null,
                            false,
                            false));
                }
            }
            paths.add(new JobPath(kind + ": stopped while it runs", kind, Map.of(), 0, run, false, false));
            // The backstop's own Task states, each failing in turn: the audit then does what it could not.
            for (var backstopState : backstop.getAsJsonObject("States").entrySet()) {
                if (!backstopState
                        .getValue()
                        .getAsJsonObject()
                        .get("Type")
                        .getAsString()
                        .equals("Task")) {
                    continue;
                }
                for (List<String> plan : outcomes(backstopState
                        .getValue()
                        .getAsJsonObject()
                        .get("Resource")
                        .getAsString())) {
                    paths.add(new JobPath(
                            kind + ": stopped, then the backstop's " + backstopState.getKey() + " " + plan,
                            kind,
                            Map.of(),
                            0,
                            run,
                            false,
                            false,
                            Map.of(backstopState.getKey(), plan)));
                }
            }
            paths.add(new JobPath(kind + ": times out while it runs", kind, Map.of(), 0, null, true, false));
            if (slotted) {
                paths.add(new JobPath(
                        kind + ": no slot frees within the hour", kind, Map.of(), limit, null, false, false));
            }
        }
        paths.add(new JobPath("a kind no worker has", "unknown", Map.of(), 0, null, false, false));
        return paths;
    }

    private static String resource(JsonObject states, String state) {
        return states.getAsJsonObject(state).get("Resource").getAsString();
    }

    private static int slotLimit(JsonObject definition) {
        for (var e : definition.getAsJsonObject("States").entrySet()) {
            var values = e.getValue().getAsJsonObject().getAsJsonObject("Parameters");
            if (e.getKey().startsWith("Acquire") && values != null) {
                return values.getAsJsonObject("ExpressionAttributeValues")
                        .getAsJsonObject(":limit")
                        .get("N")
                        .getAsInt();
            }
        }
        return 0;
    }

    private static Map<String, Object> key(String tenant, String job) {
        return Map.of("tenantId", Map.of("S", tenant), "jobId", Map.of("S", job));
    }

    private static JsonObject run(Map<String, Object> batch) throws IOException, InterruptedException {
        if (!Files.isDirectory(HARNESS.resolve("node_modules/aws-local-stepfunctions"))) {
            fail("the interpreter is not installed: npm ci --prefix tools/asl (README's test command runs it)");
        }
        Path cases = Files.createTempFile("asl-cases", ".json");
        Path results = Files.createTempFile("asl-results", ".json");
        Gson gson = new GsonBuilder().serializeNulls().create();
        Files.writeString(cases, gson.toJson(batch), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(
                        "node", HARNESS.resolve("run-paths.mjs").toString(), cases.toString(), results.toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), log);
        return JsonParser.parseString(Files.readString(results)).getAsJsonObject();
    }

    @Test
    void everyPathOfEveryJobStateMachineEndsWithTheJobToldAndTheSlotFree() throws Exception {
        Map<String, Machine> machines = machines();
        Map<String, JsonObject> definitions = new LinkedHashMap<>();
        machines.forEach((id, m) -> definitions.put(id, m.definition()));
        List<Map<String, Object>> cases = new ArrayList<>();
        Map<String, JobPath> pathOf = new LinkedHashMap<>();
        int n = 0;
        int jobMachines = 0;
        for (Machine machine : machines.values()) {
            if (!machine.role().equals("jobs")) {
                continue;
            }
            jobMachines++;
            String release = machineOf(machines, machine.stack(), "release").id();
            String audit = machineOf(machines, machine.stack(), "audit").id();
            String table = jobsTable(machine.definition());
            createTable(table);
            int limit = slotLimit(machine.definition());
            for (JobPath path : paths(machine.definition(), limit, definitions.get(release))) {
                String caseId = machine.id() + " / " + path.id();
                String execution = "exec-" + (++n);
                String jobId = "job-" + n;
                String slotKey = path.kind() + "@" + machine.region();
                List<Map<String, Object>> setup = new ArrayList<>();
                setup.add(Map.of(
                        "table",
                        table,
                        "item",
                        Map.of(
                                "tenantId",
                                Map.of("S", "t1"),
                                "jobId",
                                Map.of("S", jobId),
                                "status",
                                Map.of("S", "QUEUED"),
                                "version",
                                Map.of("N", "1"))));
                if (path.otherHolders() > 0) {
                    List<String> others = new ArrayList<>();
                    for (int i = 0; i < path.otherHolders(); i++) {
                        others.add("other-" + n + "-" + i);
                    }
                    setup.add(Map.of(
                            "table",
                            table,
                            "item",
                            Map.of(
                                    "tenantId",
                                    Map.of("S", JobSlots.TENANT),
                                    "jobId",
                                    Map.of("S", slotKey),
                                    "holders",
                                    Map.of("SS", others))));
                } else {
                    setup.add(Map.of("table", table, "delete", key(JobSlots.TENANT, slotKey)));
                }
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", caseId);
                c.put("definition", machine.id());
                c.put("backstop", release);
                c.put("backstopOutcomes", path.backstopOutcomes());
                c.put("audit", audit);
                c.put(
                        "executions",
                        Map.of(
                                execution,
                                Map.of(
                                        "status",
                                        "ABORTED",
                                        "input",
                                        Map.of("tenantId", "t1", "jobId", jobId, "kind", path.kind()))));
                c.put("input", Map.of("tenantId", "t1", "jobId", jobId, "kind", path.kind(), "parameters", Map.of()));
                c.put("execution", execution);
                c.put(
                        "executionArn",
                        "arn:aws:states:" + machine.region() + ":123456789012:execution:jobs:" + execution);
                c.put("stateMachineArn", "arn:aws:states:" + machine.region() + ":123456789012:stateMachine:jobs");
                c.put("enteredTime", ENTERED);
                c.put("outcomes", path.outcomes());
                if (path.abortAt() != null) {
                    c.put("abortAt", path.abortAt());
                }
                if (path.hangAt()) {
                    String name = Character.toUpperCase(path.kind().charAt(0))
                            + path.kind().substring(1);
                    c.put("outcomes", Map.of("Run" + name, List.of("hang")));
                    c.put("timeoutMs", 300);
                }
                c.put("job", Map.of("table", table, "tenantId", "t1", "jobId", jobId));
                c.put("setup", setup);
                c.put(
                        "read",
                        Map.of(
                                "job",
                                Map.of("table", table, "key", key("t1", jobId)),
                                "slot",
                                Map.of("table", table, "key", key(JobSlots.TENANT, slotKey))));
                cases.add(c);
                pathOf.put(caseId, path);
            }
        }
        JsonObject out = run(Map.of("endpoint", endpoint, "definitions", definitions, "cases", cases));
        out.getAsJsonObject("validations")
                .entrySet()
                .forEach(v -> assertTrue(
                        v.getValue().getAsJsonObject().get("isValid").getAsBoolean(),
                        "asl-validator: " + v.getKey() + " " + v.getValue()));

        List<String> wrong = new ArrayList<>();
        for (JsonElement element : out.getAsJsonArray("results")) {
            JsonObject result = element.getAsJsonObject();
            String id = result.get("id").getAsString();
            JobPath path = pathOf.get(id);
            String why = problem(path, result);
            if (why != null) {
                wrong.add(id + ": " + why);
            }
        }
        System.out.println("[state machine paths] " + cases.size() + " paths through " + jobMachines + " job workflows,"
                + " their backstops and audits (" + definitions.size() + " definitions) run, "
                + (cases.size() - wrong.size()) + " ended as intended");
        assertEquals(
                List.of(),
                wrong.subList(0, Math.min(20, wrong.size())),
                wrong.size() + " of " + cases.size() + " paths ended wrong");
        assertTrue(cases.size() > 900, "paths: " + cases.size());
    }

    /** Why a path did not end as it must, or null. */
    private static String problem(JobPath path, JsonObject result) {
        JsonObject run = result.getAsJsonObject("run");
        String status = run.get("status").getAsString();
        String error = run.get("error").isJsonNull() ? "" : run.get("error").getAsString();
        if (error.equals("States.Runtime")) {
            return "the definition broke at run time: " + run.get("cause");
        }
        boolean jobSucceeds = path.jobSucceeds() && path.abortAt() == null && !path.hangAt();
        boolean executionSucceeds = jobSucceeds
                && path.outcomes().entrySet().stream()
                        .noneMatch(e -> (e.getKey().startsWith("Release")
                                        || e.getKey().startsWith("Untrack"))
                                && !e.getValue().get(e.getValue().size() - 1).equals("ok"));
        String expected = path.abortAt() != null
                ? "ABORTED"
                : path.hangAt() ? "TIMED_OUT" : executionSucceeds ? "SUCCEEDED" : "FAILED";
        if (!status.equals(expected)) {
            return "execution " + status + " (" + error + "), expected " + expected;
        }
        if (!path.backstopOutcomes().isEmpty()) {
            boolean recovers = path.backstopOutcomes().values().stream()
                    .allMatch(p -> p.get(p.size() - 1).equals("ok"));
            String backstop = result.getAsJsonObject("backstop").get("status").getAsString();
            if (!backstop.equals(recovers ? "SUCCEEDED" : "FAILED")) {
                return "the backstop " + backstop + ": " + result.getAsJsonObject("backstop");
            }
            if (!recovers
                    && !result.getAsJsonObject("audit")
                            .get("status")
                            .getAsString()
                            .equals("SUCCEEDED")) {
                return "the audit after the backstop failed " + result.getAsJsonObject("audit");
            }
        }
        JsonObject after = !result.get("afterAudit").isJsonNull()
                ? result.getAsJsonObject("afterAudit")
                : result.get("afterBackstop").isJsonNull()
                        ? result.getAsJsonObject("afterRun")
                        : result.getAsJsonObject("afterBackstop");
        if (!path.kind().equals("unknown")) {
            JsonObject job = after.getAsJsonObject("job");
            String jobStatus = job.getAsJsonObject("status").get("S").getAsString();
            String expectedJob = jobSucceeds ? "DONE" : "FAILED";
            if (!jobStatus.equals(expectedJob)) {
                return "job " + jobStatus + ", expected " + expectedJob;
            }
            if (jobStatus.equals("FAILED") && !job.has("failure")) {
                return "job FAILED without a failure the user can read";
            }
            JsonElement slot = after.get("slot");
            int held = slot.isJsonNull() || !slot.getAsJsonObject().has("holders")
                    ? 0
                    : slot.getAsJsonObject()
                            .getAsJsonObject("holders")
                            .getAsJsonArray("SS")
                            .size();
            if (held != path.otherHolders()) {
                return "slot holders " + held + " after the execution, expected " + path.otherHolders();
            }
            if (path.otherHolders() > 0
                    && !job.getAsJsonObject("failure").get("S").getAsString().contains("NoSlotAvailable")) {
                return "a job that found no slot says " + job.getAsJsonObject("failure");
            }
        } else if (!status.equals("FAILED")) {
            return "an unknown kind " + status;
        }
        return null;
    }

    /**
     * The audit, on its own: holders whose executions ended, or that Step Functions no longer knows, are given back,
     * and their jobs marked FAILED if still running; a running execution keeps its slot. Each of its Task states is
     * also made to fail or time out in turn: whatever that run leaves, the next scheduled run finishes.
     */
    @Test
    void theAuditGivesBackTheSlotsOfExecutionsThatEnded() throws Exception {
        Map<String, Machine> machines = machines();
        Machine audit = machines.values().stream()
                .filter(m -> m.role().equals("audit"))
                .findFirst()
                .orElseThrow();
        String table = jobsTable(audit.definition());
        createTable(table);
        String kind = audit.definition()
                .getAsJsonObject("States")
                .getAsJsonObject("Kinds")
                .getAsJsonObject("Result")
                .getAsJsonArray("kinds")
                .get(0)
                .getAsString();
        String slotKey = kind + "@" + audit.region();
        Map<String, Object> read = Map.of(
                "slot",
                Map.of("table", table, "key", key(JobSlots.TENANT, slotKey)),
                "running",
                Map.of("table", table, "key", key("t1", "job-running")),
                "ended",
                Map.of("table", table, "key", key("t1", "job-ended")));
        List<Map<String, Object>> setup = new ArrayList<>();
        setup.add(Map.of(
                "table",
                table,
                "item",
                Map.of(
                        "tenantId",
                        Map.of("S", JobSlots.TENANT),
                        "jobId",
                        Map.of("S", slotKey),
                        "holders",
                        Map.of("SS", List.of("running", "ended", "forgotten")))));
        for (String job : List.of("running", "ended")) {
            setup.add(Map.of(
                    "table",
                    table,
                    "item",
                    Map.of(
                            "tenantId",
                            Map.of("S", "t1"),
                            "jobId",
                            Map.of("S", "job-" + job),
                            "status",
                            Map.of("S", "RUNNING"),
                            "version",
                            Map.of("N", "3"))));
        }
        List<Map<String, List<String>>> faults = new ArrayList<>();
        faults.add(Map.of());
        JsonObject auditStates = new JsonObject();
        collectTaskStates(audit.definition(), auditStates);
        for (var state : auditStates.entrySet()) {
            for (List<String> plan :
                    outcomes(state.getValue().getAsJsonObject().get("Resource").getAsString())) {
                faults.add(Map.of(state.getKey(), plan));
            }
        }
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            cases.add(auditCase("audit " + i + " " + faults.get(i), audit, setup, faults.get(i), read));
            cases.add(auditCase("audit " + i + " again", audit, List.of(), Map.of(), read));
        }
        JsonObject out = run(
                Map.of("endpoint", endpoint, "definitions", Map.of(audit.id(), audit.definition()), "cases", cases));
        assertFalse(
                out.getAsJsonObject("validations").entrySet().stream()
                        .anyMatch(v ->
                                !v.getValue().getAsJsonObject().get("isValid").getAsBoolean()),
                out.getAsJsonObject("validations").toString());
        JsonArray results = out.getAsJsonArray("results");
        assertEquals(
                "SUCCEEDED",
                results.get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("run")
                        .get("status")
                        .getAsString(),
                results.get(0).toString());
        for (int i = 1; i < results.size(); i += 2) {
            JsonObject again = results.get(i).getAsJsonObject();
            assertEquals("SUCCEEDED", again.getAsJsonObject("run").get("status").getAsString(), again.toString());
            JsonObject after = again.getAsJsonObject("afterRun");
            String id = results.get(i - 1).getAsJsonObject().get("id").getAsString();
            assertEquals(
                    "[\"running\"]",
                    after.getAsJsonObject("slot")
                            .getAsJsonObject("holders")
                            .get("SS")
                            .toString(),
                    id);
            assertEquals(
                    "RUNNING",
                    after.getAsJsonObject("running")
                            .getAsJsonObject("status")
                            .get("S")
                            .getAsString(),
                    id);
            assertEquals(
                    "FAILED",
                    after.getAsJsonObject("ended")
                            .getAsJsonObject("status")
                            .get("S")
                            .getAsString(),
                    id);
            assertTrue(
                    after.getAsJsonObject("ended")
                            .getAsJsonObject("failure")
                            .get("S")
                            .getAsString()
                            .contains("ABORTED"),
                    id);
        }
        System.out.println("[state machine paths] the audit: " + faults.size() + " runs, each with a Task state failing"
                + " in turn, and each followed by a clean run that finishes");
    }

    private static Map<String, Object> auditCase(
            String id,
            Machine audit,
            List<Map<String, Object>> setup,
            Map<String, List<String>> outcomes,
            Map<String, Object> read) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("definition", audit.id());
        c.put("input", Map.of());
        c.put("execution", "audit-" + id.hashCode());
        c.put("executionArn", "arn:aws:states:" + audit.region() + ":123456789012:execution:audit:a" + id.hashCode());
        c.put("stateMachineArn", "arn:aws:states:" + audit.region() + ":123456789012:stateMachine:audit");
        c.put("enteredTime", ENTERED);
        c.put(
                "executions",
                Map.of(
                        "running",
                                Map.of("status", "RUNNING", "input", Map.of("tenantId", "t1", "jobId", "job-running")),
                        "ended", Map.of("status", "ABORTED", "input", Map.of("tenantId", "t1", "jobId", "job-ended"))));
        c.put("setup", setup);
        c.put("outcomes", outcomes);
        c.put("read", read);
        return c;
    }

    private static void collectTaskStates(JsonObject definition, JsonObject out) {
        for (var e : definition.getAsJsonObject("States").entrySet()) {
            JsonObject state = e.getValue().getAsJsonObject();
            if (state.get("Type").getAsString().equals("Task")) {
                out.add(e.getKey(), state);
            }
            if (state.has("ItemProcessor")) {
                collectTaskStates(state.getAsJsonObject("ItemProcessor"), out);
            }
        }
    }
}
