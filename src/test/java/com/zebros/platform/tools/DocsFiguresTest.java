package com.zebros.platform.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.baseline.Baseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The figures docs/ quotes from the tools are today's: the dev stack's cost listing and its idle cost per phase
 * (docs/operations.md), the sample promotion (docs/promote.md), the region pair's plan sizes (docs/architecture.md),
 * the baseline's rule count. Each failure says which command prints the figure now.
 */
class DocsFiguresTest {
    private static String page(String name) throws IOException {
        return Files.readString(Path.of("docs", name));
    }

    private static String run(String... args) {
        var run = StackHarness.cli(args);
        assertEquals(0, run.code(), run.err());
        return run.out();
    }

    /** The fenced block of {@code page} that starts with {@code firstLine}. */
    private static List<String> block(String page, String firstLine) {
        int start = page.indexOf("```\n" + firstLine);
        assertTrue(start >= 0, "a block starting " + firstLine);
        int end = page.indexOf("```", start + 4);
        return List.of(page.substring(start + 4, end).strip().split("\n"));
    }

    private static Matcher find(String page, String regex) {
        Matcher m = Pattern.compile(regex).matcher(page);
        assertTrue(m.find(), regex);
        return m;
    }

    private static String total(String estimate) {
        return find(estimate, "Total fixed per month\\s+([\\d.]+)").group(1);
    }

    @Test
    void theDevCostListingAndItsIdleCostPerPhaseAreTodays() throws IOException {
        String operations = page("operations.md");
        String phase0 = run("cost", "--stack", "dev", "--phase", "0");
        List<String> quoted = block(operations, "Monthly cost of dev at phase 0");
        List<String> printed = List.of(phase0.split("\n")).subList(0, quoted.size());
        assertEquals(printed, quoted, "docs/operations.md's listing is `cost --stack dev --phase 0`'s first lines");
        String alarms = find(phase0, "CloudWatch alarm\\s+(\\d+) alarms").group(1);
        assertEquals(alarms, find(operations, "the dashboard, (\\d+) alarms").group(1));
        Matcher perPhase = find(
                operations,
                "idle cost per phase for dev: ([\\d.]+), ([\\d.]+)[^,]*\\([^)]*\\), ([\\d.]+) with [^.]*?, and ([\\d.]+) with");
        for (int phase = 0; phase <= 3; phase++) {
            assertEquals(
                    total(run("cost", "--stack", "dev", "--phase", String.valueOf(phase))),
                    perPhase.group(phase + 1),
                    "docs/operations.md: the idle cost of dev at phase " + phase);
        }
    }

    /** Every line the trimmed sample shows is the command's, in its order ("..." stands for lines left out). */
    @Test
    void thePromotionSampleIsTheCommandsOutputTrimmed() throws IOException {
        List<String> sample = block(page("promote.md"), "promote dev: phase 0 → 1");
        List<String> printed =
                List.of(run("promote", "--stack", "dev", "--to", "1").split("\n"));
        int at = 0;
        List<String> missing = new ArrayList<>();
        for (String line : sample) {
            if (line.strip().equals("...")) {
                continue;
            }
            int found = printed.subList(at, printed.size()).indexOf(line);
            if (found < 0) {
                missing.add(line);
            } else {
                at += found + 1;
            }
        }
        assertEquals(List.of(), missing, "docs/promote.md's sample: `promote --stack dev --to 1` prints other lines");
    }

    @Test
    void theRegionPairsPlanSizesAreTodays() throws IOException {
        Matcher quoted = find(
                page("architecture.md"),
                "prod-us plans (\\d+) resources at phase 0 and (\\d+) at phase 3; prod-eu (\\d+) and (\\d+)\\b");
        int group = 1;
        for (String stack : List.of("prod-us", "prod-eu")) {
            for (String phase : List.of("0", "3")) {
                assertEquals(
                        String.valueOf(StackHarness.rawPlan(stack, Integer.parseInt(phase))
                                .resources()
                                .size()),
                        quoted.group(group++),
                        "docs/architecture.md: " + stack + " at phase " + phase);
            }
        }
    }

    @Test
    void theBaselinesRuleCountIsTodays() throws IOException {
        assertEquals(
                String.valueOf(Baseline.rules().size()),
                find(page("operations.md"), "\\*\\*Security baseline\\*\\* \\(`baseline/`\\), (\\d+) rules")
                        .group(1));
    }
}
