package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.fail;

import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlannedResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every plan (3 stacks × 4 phases) resource by resource (URN, type, parent, inputs) against the reviewed one in
 * src/test/resources/golden-plans: a refactoring must leave them identical, and a change meant to alter what is
 * deployed updates them on purpose (scripts/update-golden-plans), so the diff of the golden files is reviewed
 * with the change. One line per resource, inputs as canonical JSON, so git shows exactly which resource changed.
 */
class GoldenPlansTest {
    static final Path DIRECTORY = Path.of("src/test/resources/golden-plans");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Map<String, String> lines(Plan plan) {
        Map<String, String> byUrn = new TreeMap<>();
        plan.resources().stream()
                .sorted(Comparator.comparing(PlannedResource::urn))
                .forEach(r -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("urn", r.urn());
                    line.put("type", r.type());
                    line.put("parent", r.parent());
                    line.put("inputs", r.inputs());
                    if (!r.options().isDefault()) {
                        // The options the engine acts on (protect, ignoreChanges, aliases ...): a change to them alters
                        // a
                        // deployment as much as an input does.
                        line.put("options", r.options().asMap());
                    }
                    byUrn.put(r.urn(), CanonicalJson.write(line));
                });
        return byUrn;
    }

    @ParameterizedTest(name = "{0} at phase {1}")
    @MethodSource("com.zebros.platform.support.StackHarness#everyStackAndPhase")
    void thePlanIsTheReviewedOne(String stack, int phase) throws IOException {
        Path file = DIRECTORY.resolve(stack + "-phase" + phase + ".jsonl");
        Map<String, String> now = lines(StackHarness.rawPlan(stack, phase));
        if (UPDATE) {
            Files.createDirectories(DIRECTORY);
            Files.write(file, now.values(), StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("no golden plan " + file + "; write it with scripts/update-golden-plans and review it");
        }
        Map<String, String> then = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            then.put(
                    com.google.gson.JsonParser.parseString(line)
                            .getAsJsonObject()
                            .get("urn")
                            .getAsString(),
                    line);
        }
        List<String> differences = new ArrayList<>();
        then.keySet().stream().filter(urn -> !now.containsKey(urn)).forEach(urn -> differences.add("- " + urn));
        now.keySet().stream().filter(urn -> !then.containsKey(urn)).forEach(urn -> differences.add("+ " + urn));
        now.forEach((urn, line) -> {
            if (then.containsKey(urn) && !then.get(urn).equals(line)) {
                differences.add("~ " + urn);
            }
        });
        if (!differences.isEmpty()) {
            fail(stack + " at phase " + phase + " differs from its golden plan in " + differences.size()
                    + " resources:\n  "
                    + String.join("\n  ", differences.subList(0, Math.min(20, differences.size())))
                    + "\nIf the change is meant to alter what is deployed, run scripts/update-golden-plans and review"
                    + " `git diff " + DIRECTORY + "`; otherwise the change is not a pure refactoring.");
        }
    }
}
