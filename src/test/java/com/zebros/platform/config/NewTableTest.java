package com.zebros.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.Cli;
import com.zebros.worker.WorkerSettings;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows docs/maintainers.md's "Add a DynamoDB table" as a maintainer would: adds a table {@code notes} (provisioned,
 * with one index) to schema/crm-tables.json and to nothing else, then plans the region pair at phase 2 in a fresh JVM
 * that reads that schema, and proves every consumer of a table sees the new one: the table with its index, replica
 * and auto-scaling; every function's and every worker's variable (and the workers' own settings parser starting on
 * the planned environment); the health check's, DAX's and the reading workers' grants; the dashboard; the stack's
 * outputs; the cost estimate.
 */
class NewTableTest {
    private static final String TABLE = "notes";
    private static final String PHYSICAL = "zebros-prod-us-notes";
    private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/" + PHYSICAL;

    @TempDir
    static Path work;

    private static JsonObject primary;
    private static JsonObject secondary;
    private static String costWith;
    private static JsonArray workers;

    /**
     * What the fresh JVM runs on the schema it sees: the tools' command line, as {@code mvn exec:java} would, then the
     * workers' own settings parser on every planned worker environment, as a worker image built with that schema
     * starts (a refusal ends the run with its message).
     */
    public static final class Plans {
        public static void main(String[] args) throws Exception {
            Path out = Path.of(args[0]);
            Path project = Path.of("").toAbsolutePath();
            Cli cli = new Cli(project, System.out, System.err);
            JsonArray started = new JsonArray();
            int code = 0;
            for (String stack : List.of("prod-us", "prod-eu")) {
                Path plan = out.resolve(stack + ".json");
                code |= cli.run("plan", "--stack", stack, "--phase", "2", "--out", plan.toString());
                for (JsonObject task : resources(
                        JsonParser.parseString(Files.readString(plan)).getAsJsonObject(),
                        "aws:ecs/taskDefinition:TaskDefinition")) {
                    if (task.get("name").getAsString().endsWith("-worker")) {
                        WorkerSettings settings = WorkerSettings.from(environment(task));
                        JsonObject worker = new JsonObject();
                        worker.addProperty(
                                "task", stack + " " + task.get("name").getAsString());
                        worker.addProperty("tables", settings.tables().size());
                        worker.add("ceiling", new com.google.gson.Gson().toJsonTree(settings.capacityCeiling()));
                        started.add(worker);
                    }
                }
            }
            Files.writeString(out.resolve("workers.json"), started.toString());
            try (PrintStream cost = new PrintStream(out.resolve("cost.txt").toFile(), StandardCharsets.UTF_8)) {
                code |= new Cli(project, cost, System.err).run("cost", "--stack", "prod-us", "--phase", "2");
            }
            System.out.flush();
            Runtime.getRuntime().halt(code);
        }
    }

    @BeforeAll
    static void addTheTableAsTheGuideSaysAndPlan() throws Exception {
        assertEquals(
                List.of("schema/crm-tables.json"),
                programPlacesOfTheGuide(),
                "the guide's steps for a table name one place the program reads; this test takes exactly those");
        JsonObject schema = JsonParser.parseString(Files.readString(Path.of("schema/crm-tables.json")))
                .getAsJsonObject();
        schema.getAsJsonArray("tables")
                .add(
                        JsonParser.parseString(
                                "{\"id\": \"notes\", \"capacity\": {\"minUnits\": 10, \"maxUnits\": 40},"
                                        + " \"hashKey\": \"tenantId\", \"rangeKey\": \"noteId\", \"indexes\": [{\"name\": \"byCustomer\","
                                        + " \"hashKey\": \"tenantCustomer\", \"rangeKey\": \"createdKey\", \"why\": \"a customer's notes\"}]}"));
        Path classes = Files.createDirectories(work.resolve("schema-first"));
        Files.writeString(classes.resolve("crm-tables.json"), schema.toString());
        StackHarness.runJava(classes, Plans.class, work.resolve("child.log"), work.toString());
        primary = JsonParser.parseString(Files.readString(work.resolve("prod-us.json")))
                .getAsJsonObject();
        secondary = JsonParser.parseString(Files.readString(work.resolve("prod-eu.json")))
                .getAsJsonObject();
        costWith = Files.readString(work.resolve("cost.txt"));
        workers = JsonParser.parseString(Files.readString(work.resolve("workers.json")))
                .getAsJsonArray();
    }

    /** The paths each numbered step of the guide's section starts with, that are not the functions' own build. */
    private static List<String> programPlacesOfTheGuide() throws Exception {
        String guide = Files.readString(Path.of("docs/maintainers.md"));
        int start = guide.indexOf("## Add a DynamoDB table");
        String section = guide.substring(start, guide.indexOf("\n## ", start + 1));
        List<String> places = new ArrayList<>();
        Matcher step = Pattern.compile("(?m)^\\d+\\. `([^`]+)`").matcher(section);
        while (step.find()) {
            if (!step.group(1).startsWith("functions/")) {
                places.add(step.group(1));
            }
        }
        return places;
    }

    private static List<JsonObject> resources(JsonObject plan, String type) {
        return StreamSupport.stream(plan.getAsJsonArray("resources").spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .filter(r -> r.get("type").getAsString().equals(type))
                .toList();
    }

    private static JsonObject resource(JsonObject plan, String type, String name) {
        return resources(plan, type).stream()
                .filter(r -> r.get("name").getAsString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " " + name));
    }

    private static String inputs(JsonObject plan, String type, String name) {
        return resource(plan, type, name).get("inputs").toString();
    }

    @Test
    void theTableIsDeployedWithItsIndexReplicaAndAutoScaling() {
        JsonObject table = resource(primary, "aws:dynamodb/table:Table", TABLE).getAsJsonObject("inputs");
        assertEquals(PHYSICAL, table.get("name").getAsString());
        assertEquals("noteId", table.get("rangeKey").getAsString());
        assertEquals("PROVISIONED", table.get("billingMode").getAsString());
        assertTrue(table.get("globalSecondaryIndexes").toString().contains("\"byCustomer\""), table.toString());
        assertTrue(table.get("serverSideEncryption").toString().contains("true"), "encrypted like the others");
        assertTrue(table.get("pointInTimeRecovery").toString().contains("true"), "backed up like the others");
        resource(primary, "aws:dynamodb/tableReplica:TableReplica", TABLE + "-replica");
        for (String target : List.of("notes-read", "notes-write", "notes-byCustomer-read", "notes-byCustomer-write")) {
            JsonObject scaling = resource(primary, "aws:appautoscaling/target:Target", target)
                    .getAsJsonObject("inputs");
            assertTrue(scaling.get("resourceId").getAsString().startsWith("table/" + PHYSICAL), target);
        }
    }

    @Test
    void everyFunctionOfBothRegionsGetsTheTablesVariable() {
        for (JsonObject plan : List.of(primary, secondary)) {
            List<JsonObject> functions = resources(plan, "aws:lambda/function:Function");
            assertTrue(functions.size() > 5);
            for (JsonObject function : functions) {
                String region = plan.get("stack").getAsString();
                assertEquals(
                        PHYSICAL,
                        function.getAsJsonObject("inputs")
                                .getAsJsonObject("environment")
                                .getAsJsonObject("variables")
                                .get("NOTES_TABLE")
                                .getAsString(),
                        region + " " + function.get("name").getAsString()
                                + ": a secondary reaches the replica by the primary's name");
            }
        }
    }

    @Test
    void everyWorkerGetsTheVariableAndItsCeilingAndStillStarts() {
        for (JsonObject plan : List.of(primary, secondary)) {
            List<JsonObject> tasks = resources(plan, "aws:ecs/taskDefinition:TaskDefinition").stream()
                    .filter(t -> t.get("name").getAsString().endsWith("-worker"))
                    .toList();
            assertEquals(4, tasks.size());
            for (JsonObject task : tasks) {
                Map<String, String> env = environment(task);
                String name = task.get("name").getAsString();
                assertEquals(PHYSICAL, env.get("NOTES_TABLE"), name);
                assertTrue(env.get("TABLE_CAPACITY_CEILING").matches("(.*,)?notes=\\d+(,.*)?"), name + ": " + env);
            }
        }
        assertEquals(8, workers.size(), "every worker of both regions started: " + workers);
        for (JsonElement started : workers) {
            JsonObject worker = started.getAsJsonObject();
            assertTrue(worker.getAsJsonObject("ceiling").has(PHYSICAL), worker + ": the worker paces the new table");
        }
    }

    private static Map<String, String> environment(JsonObject task) {
        return StackHarness.containerEnvironment(
                task.getAsJsonObject("inputs").get("containerDefinitions").getAsString());
    }

    @Test
    void theHealthCheckDaxAndTheReadingWorkersMayReadIt() {
        String role = "aws:iam/rolePolicy:RolePolicy";
        for (String policy : List.of(
                "customers-role-policy", // the health check reads every table the customers role does not write
                "dax-role-policy",
                "report-worker-task-policy",
                "export-worker-task-policy",
                "analytics-worker-task-policy")) {
            String document = inputs(primary, role, policy);
            assertTrue(document.contains(ARN + "\\\"") || document.contains(ARN + "\""), policy + " names the table");
            assertTrue(document.contains(ARN + "/index/*"), policy + " names its indexes");
        }
    }

    @Test
    void theDashboardAndTheOutputsShowIt() {
        assertTrue(inputs(primary, "aws:cloudwatch/dashboard:Dashboard", "monitoring-dashboard")
                .contains(PHYSICAL));
        assertEquals(
                PHYSICAL,
                primary.getAsJsonObject("outputs")
                        .getAsJsonObject("tableNames")
                        .get(TABLE)
                        .getAsString());
    }

    /** The estimate's provisioned units grow by the new table's and its index's minimum, read and write alike. */
    @Test
    void theCostEstimateCountsItsCapacity() {
        String without =
                StackHarness.cli("cost", "--stack", "prod-us", "--phase", "2").out();
        double added = 0;
        for (String target : List.of("notes-read", "notes-byCustomer-read")) {
            added += resource(primary, "aws:appautoscaling/target:Target", target)
                    .getAsJsonObject("inputs")
                    .get("minCapacity")
                    .getAsDouble();
        }
        assertEquals(
                10,
                resource(primary, "aws:appautoscaling/target:Target", "notes-read")
                        .getAsJsonObject("inputs")
                        .get("minCapacity")
                        .getAsDouble(),
                "the schema's minUnits");
        assertTrue(added > 10, "the table's and its index's minimum: " + added);
        assertEquals(units(without, "read") + added, units(costWith, "read"), 0.001);
        assertEquals(units(without, "write") + added, units(costWith, "write"), 0.001);
    }

    private static double units(String estimate, String kind) {
        Matcher line = Pattern.compile(
                        "DynamoDB provisioned " + kind + " capacity[^\\n]*?\\s(\\d+(?:\\.\\d+)?) (?:RCU|WCU)")
                .matcher(estimate);
        assertTrue(line.find(), estimate);
        return Double.parseDouble(line.group(1));
    }
}
