package com.zebros.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every phase setting changes what a stack deploys: for each one, the dev stack is planned with two different
 * valid overrides of it (zebros:overrides) and the two plans must differ in some resource's inputs. A setting that
 * no component reads would be accepted as an override and do nothing; this test fails on it instead.
 */
class EverySettingIsReadTest {

    /** The keys a setting has: itself, or one per member of its scope. */
    private static List<String> keys(PhaseSetting setting) {
        return switch (setting.scope()) {
            case STACK -> List.of(setting.key());
            case FUNCTION_GROUP ->
                Arrays.stream(FunctionGroup.values()).map(setting::key).toList();
            case WORKER_KIND ->
                Arrays.stream(WorkerKind.values()).map(setting::key).toList();
            case TABLE -> CrmTable.values().stream().map(setting::key).toList();
        };
    }

    /** Values AWS takes for common settings (Fargate CPU and memory, CloudWatch's retention days, counts). */
    private static final List<Double> COMMON = List.of(
            0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 7.0, 14.0, 30.0, 60.0, 90.0, 256.0, 512.0, 1024.0, 2048.0, 4096.0, 8192.0);

    /**
     * Pairs of values of {@code key} to try: the values the phases give it (valid by construction) and common valid
     * ones, within its bounds and on its step; each pair differs.
     */
    private static List<double[]> pairs(PhaseSetting setting, String key) {
        java.util.TreeSet<Double> values = new java.util.TreeSet<>();
        for (int phase = 0; phase <= 3; phase++) {
            Double value = PhaseDefaults.of(phase).get(key);
            if (value != null) {
                values.add(value);
            }
        }
        List<Double> candidates = new ArrayList<>(values);
        for (double value : COMMON) {
            if (value >= setting.min()
                    && value <= setting.max()
                    && Math.abs(value / setting.step() - Math.rint(value / setting.step())) < 1e-9
                    && !values.contains(value)) {
                candidates.add(value);
            }
        }
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < candidates.size() && pairs.size() < 8; i++) {
            for (int j = i + 1; j < candidates.size() && pairs.size() < 8; j++) {
                pairs.add(new double[] {candidates.get(i), candidates.get(j)});
            }
        }
        return pairs;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The inputs of every resource of a plan with the given override, by URN; null when the stack refuses it. */
    private static Map<String, Map<String, Object>> planned(int phase, String key, double value) {
        try {
            Plan plan = StackHarness.plan(StackHarness.settings(
                            "dev",
                            StackHarness.changes(
                                    "phase",
                                    String.valueOf(phase),
                                    "overrides",
                                    "[\"" + key + "=" + number(value) + "\"]")))
                    .plan();
            Map<String, Map<String, Object>> inputs = new TreeMap<>();
            for (PlannedResource r : plan.resources()) {
                inputs.put(r.urn(), r.inputs());
            }
            return inputs;
        } catch (RuntimeException refused) {
            return null;
        }
    }

    @Test
    void everySettingChangesSomeResourceWhenItsOverrideChanges() {
        List<String> unread = new ArrayList<>();
        for (PhaseSetting setting : PhaseSetting.values()) {
            boolean read = false;
            search:
            for (int phase = 3; phase >= 0 && !read; phase--) {
                for (String key : keys(setting)) {
                    for (double[] pair : pairs(setting, key)) {
                        var first = planned(phase, key, pair[0]);
                        if (first == null) {
                            continue;
                        }
                        var second = planned(phase, key, pair[1]);
                        if (second == null) {
                            continue;
                        }
                        read = !first.equals(second);
                        if (read) {
                            break search;
                        }
                    }
                }
            }
            if (!read) {
                unread.add(setting.family());
            }
        }
        assertEquals(List.of(), unread, "settings whose override changes no planned resource: read by no component");
    }
}
