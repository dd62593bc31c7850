package com.zebros.platform.tools.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.platform.support.StackHarness;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plan's JSON document, held to its schema. */
class PlanJsonTest {
    private final JsonObject doc = JsonParser.parseString(PlanJson.render(StackHarness.rawPlan("dev", 0)))
            .getAsJsonObject();

    @Test
    void theDocumentHasExactlyTheTopLevelKeysOfTheSchema() {
        assertEquals(
                List.of("project", "stack", "phase", "role", "region", "resources", "outputs"),
                List.copyOf(doc.keySet()));
        assertEquals("zebros", doc.get("project").getAsString());
        assertEquals("dev", doc.get("stack").getAsString());
        assertEquals(0, doc.get("phase").getAsInt());
        assertEquals("standalone", doc.get("role").getAsString());
        assertEquals("us-east-1", doc.get("region").getAsString());
    }

    @Test
    void everyResourceHasUrnTypeNameParentAndInputsAndEveryParentExists() {
        Set<String> urns = new HashSet<>();
        for (JsonElement e : doc.getAsJsonArray("resources")) {
            urns.add(e.getAsJsonObject().get("urn").getAsString());
        }
        for (JsonElement e : doc.getAsJsonArray("resources")) {
            JsonObject r = e.getAsJsonObject();
            assertEquals(
                    List.of("urn", "type", "name", "parent", "provider", "region", "inputs"), List.copyOf(r.keySet()));
            assertTrue(r.get("urn").getAsString().startsWith("urn:pulumi:dev::zebros::"));
            assertTrue(
                    r.get("type").getAsString().matches("(aws|zebros|pulumi):[\\w/]+:\\w+|pulumi:providers:aws"),
                    r.get("type").getAsString());
            String parent = r.get("parent").getAsString();
            assertTrue(
                    urns.contains(parent) || parent.endsWith("::pulumi:pulumi:Stack::zebros-dev"),
                    r.get("name") + " has an unknown parent " + parent);
            assertTrue(r.get("inputs").isJsonObject());
        }
    }

    /** A reader of a two-region stack sees which resources are in which region, and by which provider. */
    @Test
    void everyAwsResourceNamesItsExplicitProviderAndRegion() {
        Set<String> urns = new HashSet<>();
        doc.getAsJsonArray("resources")
                .forEach(e -> urns.add(e.getAsJsonObject().get("urn").getAsString()));
        for (JsonElement e : doc.getAsJsonArray("resources")) {
            JsonObject r = e.getAsJsonObject();
            String type = r.get("type").getAsString();
            if (type.startsWith("aws:")) {
                String provider = r.get("provider").getAsString();
                assertTrue(
                        provider.contains("::pulumi:providers:aws::") && urns.contains(provider),
                        r.get("name") + " must name one of the stack's explicit providers, not " + provider);
                assertEquals(
                        "us-east-1",
                        r.get("region").getAsString(),
                        r.get("name").getAsString());
            } else if (type.startsWith("zebros:")) {
                assertTrue(r.get("provider").isJsonNull() && r.get("region").isJsonNull(), "components have neither");
            }
        }
    }

    @Test
    void typeTokensAreThoseOfTheProvider() {
        Set<String> types = new HashSet<>();
        doc.getAsJsonArray("resources")
                .forEach(e -> types.add(e.getAsJsonObject().get("type").getAsString()));
        assertTrue(
                types.containsAll(Set.of(
                        "aws:dynamodb/table:Table",
                        "aws:rds/cluster:Cluster",
                        "aws:s3/bucketV2:BucketV2",
                        "aws:lambda/function:Function",
                        "aws:sfn/stateMachine:StateMachine",
                        "zebros:data:CrmTables")),
                types.toString());
    }

    @Test
    void noSecretAppearsAnywhereInThePlan() {
        String text = doc.toString();
        assertFalse(text.contains("offline-plan-placeholder"), "the placeholder password must be masked too");
        assertTrue(text.contains("\"masterPassword\":\"[secret]\""));
    }

    @Test
    void theOutputsReadLikeARealDeployment() {
        JsonObject outputs = doc.getAsJsonObject("outputs");
        assertTrue(outputs.get("apiUrl").getAsString().startsWith("https://"));
        assertEquals(
                "https://auth.dev.crm.zebros.example", outputs.get("authUrl").getAsString());
    }
}
