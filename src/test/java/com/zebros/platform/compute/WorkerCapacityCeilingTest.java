package com.zebros.platform.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.zebros.platform.support.StackHarness;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every worker's task carries the capacity its budget takes a share of: per provisioned table, the
 * phase table's maximum for the table plus the same for each of its indexes (auto-scaling's maximum for
 * each), as the seeds give them (customers 100 with one index, contacts 200 with one, opportunities 100
 * with three, activities 400 with two); none on-demand, where the workers use a fixed rate.
 */
class WorkerCapacityCeilingTest {

    private static String ceiling(int phase, String worker) {
        var task = StackHarness.plan("dev", phase).inputs("aws:ecs/taskDefinition:TaskDefinition", worker);
        for (JsonElement e : JsonParser.parseString((String) task.get("containerDefinitions"))
                .getAsJsonArray()
                .get(0)
                .getAsJsonObject()
                .getAsJsonArray("environment")) {
            if (e.getAsJsonObject().get("name").getAsString().equals("TABLE_CAPACITY_CEILING")) {
                return e.getAsJsonObject().has("value")
                        ? e.getAsJsonObject().get("value").getAsString()
                        : "";
            }
        }
        throw new AssertionError(worker + " has no TABLE_CAPACITY_CEILING");
    }

    @ParameterizedTest(name = "phase {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void everyWorkerKnowsEachTablesCeilingAtThePhase(int phase) {
        // Each table's and index's auto-scaling maximum summed: customers have six indexes, contacts two, opportunities
        // eight, activities three (timeline, byOwner, openTasks).
        String expected = phase == 0 ? "" : "customers=700,contacts=600,opportunities=900,activities=1600";
        for (String worker : List.of("import-worker", "export-worker", "report-worker", "analytics-worker")) {
            assertEquals(expected, ceiling(phase, worker), worker);
        }
    }
}
