package com.zebros.platform.tools.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.zebros.platform.support.StackHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every graph the {@code graph} command draws, of every stack and phase (with what the phase added highlighted),
 * goes through the real renderers: its DOT through Graphviz (compiled to WebAssembly, npm's
 * {@code @hpcc-js/wasm-graphviz}), which must draw an SVG with a node per component and an edge per dependency, and
 * its Mermaid through Mermaid's own parser (npm's {@code mermaid}). So does a graph whose components are named like
 * the two languages' keywords, which Graphviz refused before every DOT identifier was quoted.
 */
class GraphRenderersTest {
    private static final Path HARNESS = Path.of("tools", "graphs");
    private static final Pattern SVG_NODE = Pattern.compile("<g id=\"node\\d+\" class=\"node\">");
    private static final Pattern SVG_EDGE = Pattern.compile("<g id=\"edge\\d+\" class=\"edge\">");

    /** Renders every .dot of {@code folder} and parses every .mmd; the renderers' report per file. */
    static Map<String, String> render(Path folder) throws IOException, InterruptedException {
        if (!Files.isDirectory(HARNESS.resolve("node_modules/@hpcc-js/wasm-graphviz"))) {
            fail("the renderers are not installed: npm ci --prefix tools/graphs (README's test command runs it)");
        }
        Process process = new ProcessBuilder(
                        "node", HARNESS.resolve("render.mjs").toString(), folder.toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), log);
        Map<String, String> report = new LinkedHashMap<>();
        log.lines()
                .filter(l -> l.startsWith("rendered ") || l.startsWith("parsed "))
                .forEach(l -> report.put(l.split(" ")[1], l));
        return report;
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void everyGraphOfEveryStackAndPhaseRendersInGraphvizAndParsesInMermaid() throws Exception {
        Path folder = Files.createTempDirectory("graphs");
        Map<String, ArchitectureGraph> graphs = new LinkedHashMap<>();
        for (String stack : StackHarness.STACKS) {
            ArchitectureGraph before = null;
            for (int phase = 0; phase <= 3; phase++) {
                Plan plan = StackHarness.rawPlan(stack, phase);
                ArchitectureGraph graph = ArchitectureGraph.of(plan);
                Set<String> added = before == null ? Set.of() : GraphPrinter.added(before, graph);
                String name = stack + "-phase" + phase;
                Files.writeString(folder.resolve(name + ".dot"), GraphPrinter.dot(plan, graph, added));
                Files.writeString(folder.resolve(name + ".mmd"), GraphPrinter.mermaid(plan, graph, added));
                graphs.put(name, graph);
                before = graph;
            }
        }
        Map<String, String> report = render(folder);
        assertEquals(graphs.size() * 2, report.size(), report.toString());
        for (var entry : graphs.entrySet()) {
            String svg = Files.readString(folder.resolve(entry.getKey() + ".svg"));
            assertEquals(
                    entry.getValue().nodes().size(), count(SVG_NODE, svg), entry.getKey() + ": a node per component");
            assertEquals(
                    entry.getValue().edges().size(), count(SVG_EDGE, svg), entry.getKey() + ": an edge per dependency");
            assertTrue(report.get(entry.getKey() + ".mmd").contains("(flowchart"), report.get(entry.getKey() + ".mmd"));
        }
    }

    /**
     * README's picture of the dev stack at phase 3 (what phases 1 to 3 add shaded) is Graphviz's rendering of
     * today's {@code graph --stack dev --phase 3 --since 0 --format dot}; {@code -Dgraphs.update=true} draws it again.
     */
    @Test
    void theDiagramReadmeShowsIsTodaysRendering() throws Exception {
        Plan plan = StackHarness.rawPlan("dev", 3);
        ArchitectureGraph graph = ArchitectureGraph.of(plan);
        Set<String> added = GraphPrinter.added(ArchitectureGraph.of(StackHarness.rawPlan("dev", 0)), graph);
        Path folder = Files.createTempDirectory("docs-graph");
        Files.writeString(folder.resolve("dev-phase3.dot"), GraphPrinter.dot(plan, graph, added));
        render(folder);
        String today = Files.readString(folder.resolve("dev-phase3.svg"));
        Path image = Path.of("docs", "images", "dev-phase3.svg");
        if (Boolean.getBoolean("graphs.update")) {
            Files.createDirectories(image.getParent());
            Files.writeString(image, today);
        }
        assertEquals(
                today,
                Files.exists(image) ? Files.readString(image) : "",
                image + " is not today's rendering: mvn test -Dtest=GraphRenderersTest -Dgraphs.update=true");
    }

    @Test
    void componentsNamedLikeKeywordsAreNamesInBothLanguages() throws Exception {
        Plan real = StackHarness.rawPlan("dev", 3);
        String root = new EngineUrns(real.stack(), real.project()).rootStack();
        // The stacks' own "edge" component (CloudFront and WAF) is a DOT keyword already: it keeps its name.
        List<String> keywords = List.of(
                "node",
                "graph",
                "subgraph",
                "strict",
                "digraph",
                "end",
                "class",
                "classDef",
                "style",
                "click",
                "flowchart",
                "call",
                "href");
        List<PlannedResource> renamed = new ArrayList<>();
        int next = 0;
        for (PlannedResource r : real.resources()) {
            boolean top =
                    r.parent().equals(root) && r.isComponent() && !r.name().equals("edge");
            String name = top && next < keywords.size() ? keywords.get(next++) : r.name();
            renamed.add(new PlannedResource(
                    r.urn(), r.type(), name, r.parent(), r.provider(), r.region(), r.inputs(), r.options()));
        }
        assertEquals(keywords.size(), next, "the dev stack has a component for every keyword");
        Plan plan = new Plan(
                real.project(),
                real.stack(),
                real.phase(),
                real.role(),
                real.region(),
                renamed,
                real.outputs(),
                real.warnings(),
                real.identifiers());
        ArchitectureGraph graph = ArchitectureGraph.of(plan);
        Path folder = Files.createTempDirectory("keywords");
        Files.writeString(folder.resolve("keywords.dot"), GraphPrinter.dot(plan, graph, Set.of()));
        Files.writeString(folder.resolve("keywords.mmd"), GraphPrinter.mermaid(plan, graph, Set.of()));
        render(folder);
        String svg = Files.readString(folder.resolve("keywords.svg"));
        assertEquals(graph.nodes().size(), count(SVG_NODE, svg), Files.readString(folder.resolve("keywords.dot")));
        assertEquals(graph.edges().size(), count(SVG_EDGE, svg));
        assertTrue(svg.contains(">edge</text>"), "the edge component is drawn");
        for (String keyword : keywords) {
            assertTrue(
                    svg.contains("<text") && svg.contains(">" + keyword + "</text>"), keyword + " is drawn as a label");
        }
    }
}
