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
 * indexes the functions use (functions/.../crm-tables.json), and the REST API routes every path the
 * functions' OpenAPI document serves to a function.
 */
class FunctionsContractTest {
    private static final Path FUNCTIONS = StackHarness.PROJECT.resolve("functions/src/main/resources");

    @Test
    void theProgramsTablesAreTheOnesTheFunctionsUse() throws IOException {
        JsonObject shipped;
        try (Reader reader = Files.newBufferedReader(FUNCTIONS.resolve("crm-tables.json"))) {
            shipped = JsonParser.parseReader(reader).getAsJsonObject();
        }
        List<String> fromFunctions = new ArrayList<>();
        for (JsonElement e : shipped.getAsJsonArray("tables")) {
            JsonObject t = e.getAsJsonObject();
            StringBuilder line = new StringBuilder(t.get("id").getAsString() + " "
                    + t.get("hashKey").getAsString() + "/" + t.get("rangeKey").getAsString());
            for (JsonElement i : t.getAsJsonArray("indexes")) {
                JsonObject index = i.getAsJsonObject();
                line.append(" ")
                        .append(index.get("name").getAsString())
                        .append("=")
                        .append(index.get("hashKey").getAsString())
                        .append("/")
                        .append(index.get("rangeKey").getAsString());
            }
            fromFunctions.add(line.toString());
        }
        List<String> fromProgram = new ArrayList<>();
        for (CrmTable t : CrmTable.values()) {
            StringBuilder line = new StringBuilder(t.id() + " " + t.hashKey() + "/" + t.rangeKey());
            for (CrmTable.Index index : t.indexes()) {
                line.append(" ")
                        .append(index.name())
                        .append("=")
                        .append(index.hashKey())
                        .append("/")
                        .append(index.rangeKey());
            }
            fromProgram.add(line.toString());
        }
        assertEquals(fromFunctions, fromProgram);
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
