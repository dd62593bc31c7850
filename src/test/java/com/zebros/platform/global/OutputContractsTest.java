package com.zebros.platform.global;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zebros.platform.support.StackHarness;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The outputs one stack reads of another are named once (PrimaryOutputs, RunbookOutputs) and exported under those
 * names: a renamed or dropped export fails here rather than leaving a secondary or the runbook reading nothing.
 */
class OutputContractsTest {
    private static List<String> names(Class<?> contract) throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field field : contract.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add((String) field.get(null));
            }
        }
        return names;
    }

    private static Set<String> missing(List<String> names, String stack) {
        Set<String> exported = StackHarness.rawPlan(stack, 3).outputs().keySet();
        Set<String> missing = new TreeSet<>(names);
        missing.removeAll(exported);
        return missing;
    }

    @Test
    void thePrimaryExportsEveryOutputItsSecondaryReads() throws IllegalAccessException {
        List<String> names = names(PrimaryOutputs.class);
        assertEquals(Set.of(), missing(names, "prod-us"));
    }

    @Test
    void bothStacksOfThePairExportWhatTheRunbookReads() throws IllegalAccessException {
        List<String> names = new ArrayList<>(names(RunbookOutputs.class));
        // The global cluster is the primary's: the runbook reads it there, by the secondary's primaryStack.
        names.remove(RunbookOutputs.GLOBAL_CLUSTER);
        assertEquals(Set.of(), missing(names, "prod-us"));
        assertEquals(Set.of(), missing(names, "prod-eu"));
        assertEquals(Set.of(), missing(List.of(RunbookOutputs.GLOBAL_CLUSTER), "prod-us"));
    }
}
