package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README's table of commands runs as written: each command of its first column, through the same command line
 * that {@code exec:java} starts, exits 0 and prints something; and every page README points to exists.
 */
class ReadmeCommandsTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+ --[^`]+)` \\|", Pattern.MULTILINE);
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#]+\\.(?:md|svg))\\)");

    @Test
    void everyCommandOfTheTableRunsAsWritten() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher rows = ROW.matcher(readme);
        List<String> commands = new ArrayList<>();
        while (rows.find()) {
            commands.add(rows.group(1));
        }
        assertEquals(5, commands.size(), "the table's commands: " + commands);
        for (String command : commands) {
            var run = StackHarness.cli(command.split(" +"));
            assertEquals(Cli.OK, run.code(), command + ": " + run.err());
            assertFalse(run.out().isBlank(), command + " prints its answer");
        }
    }

    /** docs/offline-plan.md's count of what the dev stack plans at phase 0 is today's. */
    @Test
    void theDevPlansCountsInTheDocsAreTodays() throws Exception {
        String page = Files.readString(Path.of("docs/offline-plan.md"));
        Matcher figure = Pattern.compile("the dev stack at phase 0 plans (\\d+) AWS\\s+resources in (\\d+) components")
                .matcher(page);
        assertTrue(figure.find(), "docs/offline-plan.md gives the dev plan's counts");
        var plan = StackHarness.rawPlan("dev", 0);
        long components = plan.resources().stream().filter(r -> r.isComponent()).count();
        long resources = plan.resources().stream()
                .filter(r -> !r.isComponent() && !r.isProvider())
                .count();
        assertEquals(
                resources + " AWS resources, " + components + " components",
                figure.group(1) + " AWS resources, " + figure.group(2) + " components");
    }

    @Test
    void everyPageReadmePointsToExists() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher links = LINK.matcher(readme);
        int found = 0;
        while (links.find()) {
            found++;
            assertTrue(Files.isRegularFile(Path.of(links.group(1))), links.group(1));
        }
        assertTrue(found >= 12, "README links its docs pages and its diagram: " + found);
        for (Path page : Files.list(Path.of("docs"))
                .filter(p -> p.toString().endsWith(".md"))
                .toList()) {
            String text = Files.readString(page);
            assertTrue(
                    text.contains("*Reference:*") || text.contains("*How-to:*") || text.contains("*Tutorial:*"),
                    page + " says whether it is a tutorial, a how-to or a reference");
            assertTrue(
                    readme.contains("](" + page.toString().replace('\\', '/') + ")"), page + " is linked from README");
        }
    }
}
