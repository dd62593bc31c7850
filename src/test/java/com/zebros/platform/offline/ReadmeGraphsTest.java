package com.zebros.platform.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.Cli;
import com.zebros.platform.support.StackHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The architecture graphs: valid Mermaid and DOT (parsed, statement by statement), the dependencies
 * that matter present, and README's diagrams exactly what {@code graph} draws today.
 */
class ReadmeGraphsTest {
    private static final Pattern MERMAID_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern MERMAID_NODE = Pattern.compile("(" + MERMAID_ID + ")\\[\"([^\"]*)\"]");
    private static final Pattern MERMAID_EDGE = Pattern.compile("(" + MERMAID_ID + ") --> (" + MERMAID_ID + ")");
    private static final Pattern MERMAID_SUBGRAPH = Pattern.compile("subgraph " + MERMAID_NODE.pattern());
    private static final Pattern MERMAID_CLASS = Pattern.compile("class ((?:" + MERMAID_ID + ",)*" + MERMAID_ID + ") ("
            + MERMAID_ID + ")");
    private static final Pattern MERMAID_CLASSDEF = Pattern.compile("classDef (" + MERMAID_ID + ") [a-z-]+:[^ ]+");

    @ParameterizedTest
    @CsvSource({"dev,0", "dev,3", "prod-us,3", "prod-eu,0", "prod-eu,3"})
    void everyGraphIsValidMermaidAndDot(String stack, int phase) {
        Plan plan = StackHarness.rawPlan(stack, phase);
        var graph = ArchitectureGraph.of(plan);
        var parsed = parseMermaid(GraphPrinter.mermaid(plan, graph, Set.of()));
        assertEquals(graph.nodes().size(), parsed.nodes.size(), "every component is a node");
        assertEquals(graph.edges().size(), parsed.edges, "every dependency is an edge");
        parseDot(GraphPrinter.dot(plan, graph, Set.of()));
    }

    @Test
    void theDependenciesThatMatterAreDrawn() {
        Set<String> dev = edges(StackHarness.rawPlan("dev", 3));
        for (String edge : List.of("functions->tables", "functions->files", "functions->workflows", "keycloak->auth_db",
                "api->functions", "workflows->tables", "edge->api", "monitoring->functions")) {
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
        var parsed = parseMermaid(GraphPrinter.mermaid(StackHarness.rawPlan("dev", 3), after, added));
        assertEquals(added, parsed.classed);
    }

    /** README's diagrams are exactly what the command draws from today's code. */
    @Test
    void readmeDiagramsAreCurrent() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher blocks = Pattern.compile("<!-- graph: (.*?) -->\\n```mermaid\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        int found = 0;
        while (blocks.find()) {
            found++;
            List<String> args = new ArrayList<>(List.of("graph"));
            args.addAll(List.of(blocks.group(1).trim().split(" +")));
            var out = new ByteArrayOutputStream();
            int code = new Cli(StackHarness.PROJECT, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream()), StackHarness.CLI_PLANNER).run(args.toArray(String[]::new));
            assertEquals(Cli.OK, code);
            assertEquals(out.toString(StandardCharsets.UTF_8), blocks.group(2),
                    "README's diagram for `" + blocks.group(1) + "` is out of date: paste the output of the graph command");
        }
        assertEquals(2, found, "the regional stack and the region pair");
    }

    private static Set<String> edges(Plan plan) {
        Set<String> edges = new HashSet<>();
        ArchitectureGraph.of(plan).edges().forEach(e -> edges.add(e.from() + "->" + e.to()));
        return edges;
    }

    private record Mermaid(Set<String> nodes, int edges, Set<String> classed) {
    }

    /** A parser of the flowchart subset the printer writes; anything else is an error. */
    private static Mermaid parseMermaid(String text) {
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).matches("flowchart (LR|TB|TD|RL|BT)"), "header: " + lines.get(0));
        Set<String> nodes = new HashSet<>();
        Set<String> classes = new HashSet<>();
        Set<String> classed = new HashSet<>();
        List<String[]> edges = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        for (String raw : lines.subList(1, lines.size())) {
            String line = raw.strip();
            Matcher m;
            if ((m = MERMAID_SUBGRAPH.matcher(line)).matches()) {
                open.push(m.group(1));
            } else if (line.equals("end")) {
                assertTrue(!open.isEmpty(), "'end' without a subgraph");
                open.pop();
            } else if ((m = MERMAID_NODE.matcher(line)).matches()) {
                assertTrue(nodes.add(m.group(1)), "node declared twice: " + m.group(1));
                assertTrue(!m.group(2).isEmpty(), "empty label");
            } else if ((m = MERMAID_EDGE.matcher(line)).matches()) {
                edges.add(new String[] {m.group(1), m.group(2)});
            } else if ((m = MERMAID_CLASSDEF.matcher(line)).matches()) {
                classes.add(m.group(1));
            } else if ((m = MERMAID_CLASS.matcher(line)).matches()) {
                assertTrue(classes.contains(m.group(2)), "class used before classDef: " + m.group(2));
                classed.addAll(List.of(m.group(1).split(",")));
            } else {
                throw new AssertionError("not a Mermaid flowchart statement: " + raw);
            }
        }
        assertTrue(open.isEmpty(), "unclosed subgraph " + open);
        for (String[] e : edges) {
            assertTrue(nodes.contains(e[0]) && nodes.contains(e[1]), "edge to an undeclared node: " + e[0] + " --> " + e[1]);
        }
        assertTrue(nodes.containsAll(classed), "class on an undeclared node");
        return new Mermaid(nodes, edges.size(), classed);
    }

    /** DOT: one digraph, balanced clusters, every edge between declared nodes. */
    private static void parseDot(String text) {
        List<String> lines = text.lines().map(String::strip).toList();
        assertTrue(lines.get(0).matches("digraph \"[^\"]+\" \\{"), lines.get(0));
        assertEquals("}", lines.get(lines.size() - 1));
        int depth = 0;
        Set<String> nodes = new HashSet<>();
        for (String line : lines) {
            depth += line.endsWith("{") ? 1 : line.equals("}") ? -1 : 0;
            assertTrue(depth >= 0, "unbalanced braces");
            Matcher node = Pattern.compile("(" + MERMAID_ID + ") \\[label=\"[^\"]+\".*];").matcher(line);
            if (node.matches()) {
                nodes.add(node.group(1));
            }
            Matcher edge = Pattern.compile("(" + MERMAID_ID + ") -> (" + MERMAID_ID + ");").matcher(line);
            if (edge.matches()) {
                assertTrue(nodes.contains(edge.group(1)) && nodes.contains(edge.group(2)), line);
            }
        }
        assertEquals(0, depth);
    }
}
