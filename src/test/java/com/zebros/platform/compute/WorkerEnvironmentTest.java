package com.zebros.platform.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.crm.store.Table;
import com.zebros.platform.config.CrmTable;
import com.zebros.platform.config.WorkerKind;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.PlannedResource;
import com.zebros.worker.WorkerSettings;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every worker's planned task environment, of every stack and phase, is read by the workers' own settings parser
 * ({@code containers/worker-core}'s WorkerSettings, which a worker runs first and which refuses to start on a missing
 * or malformed variable): it starts, with every table the functions' store knows named as the plan names it, and in
 * provisioned phases a capacity ceiling for each. The variables come from CrmTable, so a table declared there reaches
 * the workers without a second list.
 */
class WorkerEnvironmentTest {

    private static Map<String, String> environment(PlannedResource task) {
        return StackHarness.containerEnvironment((String) task.inputs().get("containerDefinitions"));
    }

    @Test
    void theWorkersOwnSettingsParserStartsOnEveryPlannedTaskEnvironment() {
        int tasks = 0;
        for (String stack : StackHarness.STACKS) {
            for (int phase = 0; phase <= 3; phase++) {
                var plan = StackHarness.rawPlan(stack, phase);
                Map<String, String> tableNames = plan.ofType("aws:dynamodb/table:Table").stream()
                        .collect(Collectors.toMap(
                                PlannedResource::name,
                                t -> String.valueOf(t.inputs().get("name")),
                                (a, b) -> a));
                for (WorkerKind kind : WorkerKind.values()) {
                    var task = plan.find("aws:ecs/taskDefinition:TaskDefinition", kind.image());
                    if (task.isEmpty()) {
                        continue;
                    }
                    tasks++;
                    String where = stack + " phase " + phase + " " + kind.image();
                    WorkerSettings settings = WorkerSettings.from(environment(task.get()));
                    assertEquals(Table.values().length, settings.tables().size(), where);
                    for (Table table : Table.values()) {
                        // A secondary stack plans no table of its own: its workers use the replicas, by the primary's
                        // names.
                        String named = settings.tables().get(table);
                        assertTrue(
                                tableNames.containsKey(table.id())
                                        ? tableNames.get(table.id()).equals(named)
                                        : named.matches("zebros-[a-z-]+-" + table.id()),
                                where + " " + table + ": " + named);
                    }
                    if (phase > 0) {
                        assertEquals(
                                CrmTable.values().stream()
                                        .filter(CrmTable::scaledByPhase)
                                        .count(),
                                settings.capacityCeiling().size(),
                                where
                                        + ": every provisioned table has its ceiling (on-demand ones, the jobs table, none)");
                    }
                }
            }
        }
        assertTrue(tasks >= StackHarness.STACKS.size() * 4 * 4, "every worker of every stack and phase: " + tasks);
    }

    /** Every table the functions' code reaches is declared, under the variable the program sets. */
    @Test
    void theFunctionsStoreReachesDeclaredTablesByTheirVariables() {
        for (Table table : Table.values()) {
            CrmTable declared = CrmTable.values().stream()
                    .filter(t -> t.id().equals(table.id()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(table.id() + " is not in schema/crm-tables.json"));
            assertEquals(declared.environmentVariable(), table.environmentVariable());
        }
    }
}
