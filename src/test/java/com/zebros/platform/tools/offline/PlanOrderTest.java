package com.zebros.platform.tools.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.config.StackSettings;
import com.zebros.platform.support.StackHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plan lists resources in the order the program constructs them, the same on every run. */
class PlanOrderTest {

    @Test
    void twoPlansOfTheSameSettingsListTheSameResourcesInTheSameOrder() {
        StackSettings settings = StackHarness.settings("prod-us", Map.of("phase", "3"));
        List<String> first = OfflinePlanner.plan(settings).resources().stream()
                .map(PlannedResource::urn)
                .toList();
        List<String> second = OfflinePlanner.plan(settings).resources().stream()
                .map(PlannedResource::urn)
                .toList();
        assertEquals(first, second);
    }

    @Test
    void theOrderIsTheProgramsEachComponentBeforeItsChildren() {
        List<PlannedResource> resources = StackHarness.rawPlan("dev", 0).resources();
        List<String> urns = resources.stream().map(PlannedResource::urn).toList();
        int network = indexOf(urns, "zebros:network:Network::network");
        int vpc = indexOf(urns, "aws:ec2/vpc:Vpc::network-vpc");
        int tables = indexOf(urns, "zebros:data:CrmTables::tables");
        assertTrue(network < vpc && vpc < tables, "ZebrosStack builds the network before the tables: " + urns);
    }

    private static int indexOf(List<String> urns, String suffix) {
        for (int i = 0; i < urns.size(); i++) {
            if (urns.get(i).endsWith(suffix)) {
                return i;
            }
        }
        throw new AssertionError("no resource ends with " + suffix + " in " + urns);
    }
}
