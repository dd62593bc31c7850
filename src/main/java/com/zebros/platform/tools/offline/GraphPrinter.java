package com.zebros.platform.tools.offline;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes an {@link ArchitectureGraph} as Mermaid (a flowchart, one subgraph per region) or Graphviz
 * DOT (one cluster per region); nodes a phase added since {@code --since} are highlighted.
 */
public final class GraphPrinter {
    private GraphPrinter() {}

    public static String mermaid(Plan plan, ArchitectureGraph graph, Set<String> added) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        byRegion(graph).forEach((region, nodes) -> {
            out.append("    subgraph r_")
                    .append(ArchitectureGraph.id(region))
                    .append("[\"")
                    .append(
                            region.equals("primary stack")
                                    ? "primary stack (StackReference)"
                                    : plan.stack() + " in " + region)
                    .append("\"]\n");
            for (ArchitectureGraph.Node n : nodes) {
                out.append("        ")
                        .append(mermaidId(n.id()))
                        .append("[\"")
                        .append(label(n, "<br/>"))
                        .append("\"]\n");
            }
            out.append("    end\n");
        });
        for (ArchitectureGraph.Edge e : graph.edges()) {
            out.append("    ")
                    .append(mermaidId(e.from()))
                    .append(" --> ")
                    .append(mermaidId(e.to()))
                    .append('\n');
        }
        if (!added.isEmpty()) {
            out.append("    classDef added fill:#d9f2d9,stroke:#2e7d32,stroke-width:2px\n");
            out.append("    class ")
                    .append(added.stream().map(GraphPrinter::mermaidId).collect(Collectors.joining(",")))
                    .append(" added\n");
        }
        return out.toString();
    }

    public static String dot(Plan plan, ArchitectureGraph graph, Set<String> added) {
        StringBuilder out = new StringBuilder("digraph \"" + plan.project() + "-" + plan.stack() + "\" {\n");
        out.append("    rankdir=LR;\n    node [shape=box, style=rounded];\n");
        byRegion(graph).forEach((region, nodes) -> {
            out.append("    subgraph ")
                    .append(quoted("cluster_" + ArchitectureGraph.id(region)))
                    .append(" {\n        label=")
                    .append(quoted(region))
                    .append(";\n");
            for (ArchitectureGraph.Node n : nodes) {
                out.append("        ")
                        .append(quoted(n.id()))
                        .append(" [label=\"")
                        .append(label(n, "\\n"))
                        .append('"')
                        .append(added.contains(n.id()) ? ", style=\"rounded,filled\", fillcolor=\"#d9f2d9\"" : "")
                        .append("];\n");
            }
            out.append("    }\n");
        });
        for (ArchitectureGraph.Edge e : graph.edges()) {
            out.append("    ")
                    .append(quoted(e.from()))
                    .append(" -> ")
                    .append(quoted(e.to()))
                    .append(";\n");
        }
        return out.append("}\n").toString();
    }

    /**
     * A node's id in Mermaid: prefixed, since Mermaid's flowchart grammar takes many words as statements and refuses
     * them as ids ({@code end}, {@code graph}, {@code subgraph}, {@code class}, {@code style}, {@code click},
     * {@code call}, {@code href}, ...; GraphRenderersTest runs its parser on each).
     */
    static String mermaidId(String id) {
        return "c_" + id;
    }

    /**
     * An identifier in DOT: always quoted, so a component named like a DOT keyword ({@code node}, {@code edge},
     * {@code graph}, {@code subgraph}, {@code strict}, {@code digraph}, in any case) is a name, not a statement
     * (https://graphviz.org/doc/info/lang.html: "a keyword cannot be used as an identifier unless it is quoted").
     */
    static String quoted(String id) {
        return "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The nodes a phase adds: those of {@code now} that {@code before} does not have. */
    public static Set<String> added(ArchitectureGraph before, ArchitectureGraph now) {
        Set<String> existing =
                before.nodes().stream().map(ArchitectureGraph.Node::id).collect(Collectors.toSet());
        return now.nodes().stream()
                .map(ArchitectureGraph.Node::id)
                .filter(id -> !existing.contains(id))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static Map<String, List<ArchitectureGraph.Node>> byRegion(ArchitectureGraph graph) {
        Map<String, List<ArchitectureGraph.Node>> regions = new java.util.TreeMap<>();
        graph.nodes()
                .forEach(n -> regions.computeIfAbsent(n.region(), k -> new java.util.ArrayList<>())
                        .add(n));
        return regions;
    }

    private static String label(ArchitectureGraph.Node n, String newline) {
        String type = n.type().substring(n.type().lastIndexOf(':') + 1);
        return n.name() + newline + type + (n.resources() > 0 ? " (" + n.resources() + ")" : "");
    }
}
