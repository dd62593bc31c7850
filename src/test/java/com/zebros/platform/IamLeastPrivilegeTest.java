package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No IAM statement grants every action, and "*" resources appear only where AWS offers nothing narrower. */
class IamLeastPrivilegeTest {
    /** Statements whose actions IAM cannot scope to a resource. */
    private static final Set<String> UNSCOPABLE = Set.of("Tracing", "VendedLogs", "VpcNetworking");

    @ParameterizedTest(name = "{0} at phase {1}")
    @org.junit.jupiter.params.provider.MethodSource("com.zebros.platform.support.StackHarness#everyStackAndPhase")
    void noStatementAllowsEverythingAndWildcardResourcesAreOnlyWhereIamAllowsNothingNarrower(String stack, int phase) {
        List<String> violations = new ArrayList<>();
        for (PlannedResource policy : StackHarness.plan(stack, phase).all("aws:iam/rolePolicy:RolePolicy")) {
            JsonObject doc = JsonParser.parseString(
                            String.valueOf(policy.inputs().get("policy")))
                    .getAsJsonObject();
            for (JsonElement s : doc.getAsJsonArray("Statement")) {
                JsonObject statement = s.getAsJsonObject();
                String sid = statement.get("Sid").getAsString();
                String actions = statement.get("Action").toString();
                if (actions.contains("\"*\"") || actions.contains(":*\"")) {
                    violations.add(policy.name() + "/" + sid + " allows " + actions);
                }
                if (statement.get("Resource").toString().equals("\"*\"")
                        && !UNSCOPABLE.contains(sid)
                        && !sid.startsWith("EcrLogin")) {
                    violations.add(policy.name() + "/" + sid + " applies to every resource");
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev"})
    void everyRoleTrustsExactlyOneService(String stack) {
        for (PlannedResource role : StackHarness.plan(stack).all("aws:iam/role:Role")) {
            JsonObject trust = JsonParser.parseString(
                            String.valueOf(role.inputs().get("assumeRolePolicy")))
                    .getAsJsonObject();
            var statements = trust.getAsJsonArray("Statement");
            assertEquals(1, statements.size(), role.name());
            String service = statements
                    .get(0)
                    .getAsJsonObject()
                    .getAsJsonObject("Principal")
                    .get("Service")
                    .getAsString();
            assertTrue(service.endsWith(".amazonaws.com"), role.name() + " trusts " + service);
            assertFalse(statements.get(0).toString().contains("\"AWS\""), role.name() + " must not trust an account");
        }
    }
}
