package com.zebros.platform.tools.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The architecture graphs: the dependencies that matter present, what a phase adds highlighted, and docs/architecture.md's
 * diagrams exactly what {@code graph} draws today (GraphRenderersTest puts every graph through the real renderers).
 */
class ReadmeGraphsTest {

    @Test
    void theDependenciesThatMatterAreDrawn() {
        Set<String> dev = edges(StackHarness.rawPlan("dev", 3));
        for (String edge : List.of(
                "functions->tables",
                "functions->files",
                "functions->workflows",
                "keycloak->auth_db",
                "api->functions",
                "workflows->tables",
                "edge->api",
                "monitoring->functions")) {
            assertTrue(dev.contains(edge), edge + " in " + dev);
        }
        Set<String> secondary = edges(StackHarness.rawPlan("prod-eu", 3));
        assertTrue(secondary.contains("auth_db->primary"), "the secondary cluster joins the primary's global cluster");
        assertTrue(secondary.contains("tables->primary"), "the replicas are the primary's tables");
    }

    @Test
    void sinceHighlightsWhatAPhaseAdds() {
        var before = ArchitectureGraph.of(StackHarness.rawPlan("dev", 0));
        var after = ArchitectureGraph.of(StackHarness.rawPlan("dev", 3));
        Set<String> added = GraphPrinter.added(before, after);
        assertTrue(added.containsAll(List.of("dax", "sessions")), "phase 3 adds DAX and Redis: " + added);
        String mermaid = GraphPrinter.mermaid(StackHarness.rawPlan("dev", 3), after, added);
        assertTrue(
                mermaid.contains("\n    class "
                        + String.join(
                                ",", added.stream().map(GraphPrinter::mermaidId).toList()) + " added\n"),
                mermaid);
        String dot = GraphPrinter.dot(StackHarness.rawPlan("dev", 3), after, added);
        for (String node : added) {
            assertTrue(
                    dot.contains("\"" + node + "\" [label=") && dot.contains("fillcolor"), node + " is filled in DOT");
        }
    }

    /** docs/architecture.md's diagrams are exactly what the command draws from today's code. */
    @Test
    void readmeDiagramsAreCurrent() throws Exception {
        String readme = Files.readString(Path.of("docs/architecture.md"));
        Matcher blocks = Pattern.compile("<!-- graph: (.*?) -->\\n```mermaid\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        int found = 0;
        while (blocks.find()) {
            found++;
            List<String> args = new ArrayList<>(List.of("graph"));
            args.addAll(List.of(blocks.group(1).trim().split(" +")));
            var out = new ByteArrayOutputStream();
            int code = new Cli(
                            StackHarness.PROJECT,
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(new ByteArrayOutputStream()),
                            StackHarness.CLI_PLANNER)
                    .run(args.toArray(String[]::new));
            assertEquals(Cli.OK, code);
            assertEquals(
                    out.toString(StandardCharsets.UTF_8),
                    blocks.group(2),
                    "docs/architecture.md's diagram for `" + blocks.group(1)
                            + "` is out of date: paste the output of the graph command");
        }
        assertEquals(2, found, "the regional stack and the region pair");
    }

    private static Set<String> edges(Plan plan) {
        Set<String> edges = new HashSet<>();
        ArchitectureGraph.of(plan).edges().forEach(e -> edges.add(e.from() + "->" + e.to()));
        return edges;
    }
}
