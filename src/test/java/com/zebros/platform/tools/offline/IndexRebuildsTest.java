package com.zebros.platform.tools.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.support.StackHarness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A changed index projection is named before pulumi up rebuilds the index; the phases change none. */
class IndexRebuildsTest {

    @Test
    void noPhaseChangesAProjection() {
        for (String stack : StackHarness.STACKS) {
            for (int phase = 0; phase < 3; phase++) {
                assertEquals(
                        List.of(),
                        IndexRebuilds.between(
                                StackHarness.rawPlan(stack, phase), StackHarness.rawPlan(stack, phase + 1)),
                        stack + " " + phase + " → " + (phase + 1));
            }
        }
    }

    @Test
    void aNarrowedProjectionIsNamedWithWhatItCosts() {
        Plan before = StackHarness.rawPlan("dev", 3);
        PlannedResource table =
                before.find("aws:dynamodb/table:Table", "opportunities").orElseThrow();
        List<Object> indexes = new ArrayList<>();
        for (Object index : PlanInputs.list(table.inputs().get("globalSecondaryIndexes"))) {
            Map<String, Object> gsi = new LinkedHashMap<>(PlanInputs.map(index));
            if (gsi.get("name").equals("byStage")) {
                gsi.put("projectionType", "INCLUDE");
                gsi.put("nonKeyAttributes", List.of("name", "amount"));
            }
            indexes.add(gsi);
        }
        Map<String, Object> inputs = new LinkedHashMap<>(table.inputs());
        inputs.put("globalSecondaryIndexes", indexes);
        List<PlannedResource> resources = new ArrayList<>(before.resources());
        resources.set(resources.indexOf(table), table.withInputs(inputs));
        Plan after = new Plan(
                before.project(),
                before.stack(),
                before.phase(),
                before.role(),
                before.region(),
                resources,
                before.outputs(),
                before.warnings(),
                before.identifiers());

        List<String> warnings = IndexRebuilds.between(before, after);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(
                warnings.get(0)
                        .startsWith(
                                "index byStage of table opportunities changes its projection (ALL → INCLUDE [name, amount])"),
                warnings.get(0));
        assertTrue(warnings.get(0).contains("every query on it fails until it is ACTIVE again"), warnings.get(0));
    }
}
