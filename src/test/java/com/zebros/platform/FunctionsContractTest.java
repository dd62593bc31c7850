package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.platform.config.CrmTable;
import com.zebros.platform.edge.ApiRoutes;
import com.zebros.platform.support.StackHarness;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The program and the code it deploys agree: the tables the program creates have the keys and
 * indexes the functions use (schema/crm-tables.json), and the REST API routes every path the
 * functions' OpenAPI document serves to a function.
 */
class FunctionsContractTest {
    private static final Path FUNCTIONS = StackHarness.PROJECT.resolve("functions/src/main/resources");

    /**
     * The tables a stack deploys have exactly the keys and indexes of schema/crm-tables.json, the file the functions'
     * build copies into their jar and their tests create DynamoDB Local's tables from.
     */
    @Test
    void theDeployedTablesAreTheSchemaTheFunctionsRead() throws IOException {
        JsonObject shipped;
        try (Reader reader = Files.newBufferedReader(StackHarness.PROJECT.resolve("schema/crm-tables.json"))) {
            shipped = JsonParser.parseReader(reader).getAsJsonObject();
        }
        List<String> fromSchema = new ArrayList<>();
        for (JsonElement e : shipped.getAsJsonArray("tables")) {
            JsonObject t = e.getAsJsonObject();
            StringBuilder line = new StringBuilder(t.get("id").getAsString() + " "
                    + t.get("hashKey").getAsString() + "/" + t.get("rangeKey").getAsString());
            List<String> indexes = new ArrayList<>();
            for (JsonElement i : t.getAsJsonArray("indexes")) {
                JsonObject index = i.getAsJsonObject();
                indexes.add(index.get("name").getAsString() + "="
                        + index.get("hashKey").getAsString() + "/"
                        + index.get("rangeKey").getAsString());
            }
            indexes.stream().sorted().forEach(i -> line.append(" ").append(i));
            fromSchema.add(line.toString());
        }
        List<String> deployed = new ArrayList<>();
        var plan = StackHarness.rawPlan("dev", 3);
        for (CrmTable t : CrmTable.values()) {
            var inputs =
                    plan.find("aws:dynamodb/table:Table", t.id()).orElseThrow().inputs();
            StringBuilder line = new StringBuilder(t.id() + " " + inputs.get("hashKey") + "/" + inputs.get("rangeKey"));
            List<String> indexes = new ArrayList<>();
            for (Object i : com.zebros.platform.support.PlannedStack.list(
                    inputs.getOrDefault("globalSecondaryIndexes", List.of()))) {
                var index = com.zebros.platform.support.PlannedStack.map(i);
                indexes.add(index.get("name") + "=" + index.get("hashKey") + "/" + index.get("rangeKey"));
            }
            indexes.stream().sorted().forEach(i -> line.append(" ").append(i));
            deployed.add(line.toString());
        }
        assertEquals(fromSchema, deployed);
        assertEquals(CrmTable.TTL_ATTRIBUTE, shipped.get("ttlAttribute").getAsString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRestApiRoutesEveryDocumentedPath() throws IOException {
        Map<String, Object> spec;
        try (Reader reader = Files.newBufferedReader(FUNCTIONS.resolve("openapi.yaml"))) {
            spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        Set<String> documented = new TreeSet<>(((Map<String, Object>) spec.get("paths")).keySet());
        Set<String> routed = new TreeSet<>();
        ApiRoutes.ROUTES.forEach(r -> routed.add(r.path()));
        assertEquals(documented, routed);
    }
}
