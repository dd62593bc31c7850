package com.zebros.platform.pulumicli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.EngineUrns;
import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plan's URNs are the engine's, so one copied into {@code pulumi up --target} names the resource
 * the engine creates: the parent's type chain joined with '$', the root stack left out
 * (pulumi/pulumi pkg/resource/deploy/deployment.go, {@code generateURN}).
 */
class EngineUrnsTest {

    @Test
    void theRuleAsTheEngineWritesIt() {
        var urns = new EngineUrns("dev", "zebros");
        assertEquals("urn:pulumi:dev::zebros::pulumi:pulumi:Stack::zebros-dev", urns.rootStack());
        String component = urns.child(urns.rootStack(), "zebros:data:CrmTables", "tables");
        assertEquals("urn:pulumi:dev::zebros::zebros:data:CrmTables::tables", component);
        assertEquals(
                "urn:pulumi:dev::zebros::zebros:data:CrmTables$aws:dynamodb/table:Table::customers",
                urns.child(component, "aws:dynamodb/table:Table", "customers"));
        assertEquals(
                "urn:pulumi:dev::zebros::pulumi:providers:aws::default_6_83_0", urns.defaultProvider("aws", "6.83.0"));
    }

    @Test
    void everyUrnOfEveryStackFollowsFromItsParentsUrn() {
        for (String stack : new String[] {"dev", "prod-us", "prod-eu"}) {
            Plan plan = StackHarness.rawPlan(stack, 3);
            var urns = new EngineUrns(stack, "zebros");
            Map<String, PlannedResource> byUrn = new HashMap<>();
            plan.resources().forEach(r -> byUrn.put(r.urn(), r));
            for (PlannedResource r : plan.resources()) {
                assertFalse(
                        List.of(EngineUrns.qualifiedType(r.urn()).split("\\$")).contains(EngineUrns.ROOT_STACK_TYPE),
                        "the root stack is never in a type chain: " + r.urn());
                assertEquals(urns.child(r.parent(), r.type(), r.name()), r.urn(), "the URN of " + r.name());
                assertTrue(
                        r.parent().equals(urns.rootStack()) || byUrn.containsKey(r.parent()),
                        r.name() + "'s parent is not in the plan: " + r.parent());
            }
        }
    }
}
