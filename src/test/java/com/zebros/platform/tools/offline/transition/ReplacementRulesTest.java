package com.zebros.platform.tools.offline.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The generated replacement table (src/main/resources/replacement/rules.tsv, from terraform-provider-aws by
 * tools/replacement-rules/generate.py) against the program and the Java SDK: every type any stack plans at any phase
 * has rows, every input the plans set has a row, every row's Pulumi path exists in the SDK's own Args classes, and
 * every conditional row has its CustomizeDiff ported.
 */
class ReplacementRulesTest {
    private final ReplacementRules rules = ReplacementRules.load();

    private static List<PlannedResource> everyPlannedResource() {
        List<PlannedResource> all = new ArrayList<>();
        for (String stack : StackHarness.STACKS) {
            for (int phase = 0; phase <= 3; phase++) {
                StackHarness.rawPlan(stack, phase).resources().stream()
                        .filter(r -> !r.isComponent())
                        .forEach(all::add);
            }
        }
        return all;
    }

    /**
     * docs/promote.md's figures of the rules table are today's: the types the stacks plan (every stack, every phase,
     * each of which has rows: everyPlannedTypeHasRows) and the table's rows.
     */
    @Test
    void thePromotePagesFiguresAreTheTables() throws Exception {
        List<String> rows =
                java.nio.file.Files.readAllLines(java.nio.file.Path.of("src/main/resources/replacement/rules.tsv"))
                        .stream()
                        .filter(line -> !line.startsWith("#") && !line.isBlank())
                        .toList();
        long types = everyPlannedResource().stream()
                .map(PlannedResource::type)
                .distinct()
                .count();
        var figures = java.util.regex.Pattern.compile(
                        "the (\\d+) types the stacks plan, every input \\(([\\d,]+) rows\\)")
                .matcher(java.nio.file.Files.readString(java.nio.file.Path.of("docs/promote.md"))
                        .replace("\n  ", " "));
        assertTrue(figures.find(), "docs/promote.md gives the table's figures");
        assertEquals(String.valueOf(types), figures.group(1));
        assertEquals(String.format("%,d", rows.size()), figures.group(2));
    }

    @Test
    void everyPlannedTypeHasRows() {
        Set<String> missing = new TreeSet<>();
        everyPlannedResource().forEach(r -> {
            if (!rules.knows(r.type())) {
                missing.add(r.type());
            }
        });
        assertEquals(
                Set.of(),
                missing,
                "planned types without replacement rules: add each to "
                        + "tools/replacement-rules/types.tsv and run tools/replacement-rules/generate.py");
    }

    @Test
    void everyInputThePlansSetHasARow() {
        Set<String> missing = new TreeSet<>();
        everyPlannedResource()
                .forEach(r -> r.inputs().keySet().forEach(input -> {
                    if (rules.ruleFor(r.type(), input).isEmpty()) {
                        missing.add(r.type() + " " + input);
                    }
                }));
        assertEquals(
                Set.of(),
                missing,
                "inputs the program sets that the table does not know: the source revision is"
                        + " older than the input, or the Pulumi name is mapped wrongly (tools/replacement-rules/pulumi-names.tsv)");
    }

    @Test
    void everyRowNamesAnInputOfTheSdksArgsClass() {
        List<String> problems = new ArrayList<>();
        for (String type : new TreeSet<>(typesWithRows())) {
            Class<?> args = SdkArgs.argsOf(type);
            for (ReplacementRule rule : rules.rulesOf(type)) {
                SdkArgs.problemWith(args, rule.inputPath())
                        .ifPresent(problem -> problems.add(
                                type + " " + rule.inputPath() + " (" + rule.terraform() + "): " + problem));
            }
        }
        assertEquals(List.of(), problems, problems.size() + " rows do not match the SDK");
    }

    @Test
    void everyConditionalRowHasItsCustomizeDiffPorted() {
        Set<String> unported = new TreeSet<>();
        for (String type : typesWithRows()) {
            rules.rulesOf(type).stream()
                    .filter(ReplacementRule::conditional)
                    .filter(rule -> !ConditionalRules.isPorted(rule.condition()))
                    .forEach(rule -> unported.add(rule.condition() + " (" + rule.source() + ")"));
        }
        assertEquals(Set.of(), unported, "port each to offline/transition/ConditionalRules");
    }

    @Test
    void theTableNamesItsSourceRevisionAndTheBridgedVersion() {
        assertTrue(rules.header("source-revision").matches("[0-9a-f]{40}"), rules.header("source-revision"));
        assertFalse(rules.header("source-version").isBlank());
        assertFalse(rules.header("bridged-version").isBlank());
    }

    private Set<String> typesWithRows() {
        Set<String> types = new TreeSet<>();
        everyPlannedResource().forEach(r -> types.add(r.type()));
        types.removeIf(type -> !rules.knows(type));
        return types;
    }
}
