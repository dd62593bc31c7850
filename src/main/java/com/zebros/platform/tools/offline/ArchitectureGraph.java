package com.zebros.platform.tools.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The architecture of a plan as a graph: one node per top-level component (and the primary stack a
 * secondary reads), grouped by region, and an edge from a component to each component whose outputs
 * it consumes. A consumed output is found, not declared: an id, ARN, name or endpoint the engine
 * answered for one component's resource that appears inside another component's inputs (the tables
 * the functions use, the cluster Keycloak logs into, the global cluster the secondary joins).
 */
public final class ArchitectureGraph {
    /** A node: its id in the diagram, the component's name and type, its region, its resource count. */
    public record Node(String id, String name, String type, String region, int resources) {}

    /** An edge: {@code from} consumes outputs of {@code to}. */
    public record Edge(String from, String to) {}

    private final Plan plan;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Set<Edge> edges = new LinkedHashSet<>();

    private ArchitectureGraph(Plan plan) {
        this.plan = plan;
    }

    public static ArchitectureGraph of(Plan plan) {
        ArchitectureGraph graph = new ArchitectureGraph(plan);
        graph.build();
        return graph;
    }

    /** The nodes by name: the engine registers resources asynchronously, so plan order is not stable. */
    public List<Node> nodes() {
        return nodes.values().stream()
                .sorted(java.util.Comparator.comparing(Node::name))
                .toList();
    }

    public List<Edge> edges() {
        return edges.stream()
                .sorted(java.util.Comparator.comparing(Edge::from).thenComparing(Edge::to))
                .toList();
    }

    private void build() {
        String root = new EngineUrns(plan.stack(), plan.project()).rootStack();
        Map<String, PlannedResource> byUrn = new HashMap<>();
        plan.resources().forEach(r -> byUrn.put(r.urn(), r));
        Map<String, List<PlannedResource>> members = new LinkedHashMap<>();
        for (PlannedResource r : plan.resources()) {
            PlannedResource top = r;
            while (!top.parent().equals(root) && byUrn.containsKey(top.parent())) {
                top = byUrn.get(top.parent());
            }
            if (!top.isProvider()) {
                members.computeIfAbsent(top.urn(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, Set<String>> owners = new HashMap<>();
        members.forEach((topUrn, resources) -> {
            PlannedResource top = byUrn.get(topUrn);
            String id = id(top.name());
            nodes.put(topUrn, new Node(id, top.name(), top.type(), region(top, resources), (int)
                    resources.stream().filter(r -> !r.isComponent()).count()));
            resources.forEach(r -> plan.identifiersOf(r.urn())
                    .forEach(value -> owners.computeIfAbsent(value, k -> new java.util.TreeSet<>())
                            .add(topUrn)));
        });
        members.forEach((topUrn, resources) -> {
            for (PlannedResource r : resources) {
                for (String text : PlanInputs.strings(r.inputs())) {
                    for (String candidate : candidates(text)) {
                        // An identifier the component itself owns is no edge, even if another shares it.
                        Set<String> candidateOwners = owners.getOrDefault(candidate, Set.of());
                        if (candidateOwners.contains(topUrn)) {
                            continue;
                        }
                        for (String other : candidateOwners) {
                            edges.add(new Edge(
                                    nodes.get(topUrn).id(), nodes.get(other).id()));
                        }
                    }
                }
            }
        });
    }

    /**
     * The whole words of an input that could be an identifier: split where no id, ARN or host name
     * goes on, and each ARN or URL also cut at its ':' and '/' (a table's index ARN names the table,
     * an issuer URL its host, a scaling target's resource id its table). Whole
     * words only, so one name that starts another (a function and its worker's repository) is no match.
     */
    static List<String> candidates(String text) {
        List<String> out = new ArrayList<>();
        for (String token : text.split("[^A-Za-z0-9:/._@-]+")) {
            if (token.length() < 12) {
                continue;
            }
            out.add(token);
            for (int i = 1; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c == '/' || c == ':') {
                    out.add(token.substring(0, i));
                    out.add(token.substring(i + 1));
                }
            }
            for (String part : token.split("[:/]+")) {
                out.add(part);
            }
        }
        return out;
    }

    /** The region most of a component's resources live in; the primary's stack reference is "primary stack". */
    private String region(PlannedResource top, List<PlannedResource> resources) {
        if (top.type().equals("pulumi:pulumi:StackReference")) {
            return "primary stack";
        }
        Map<String, Integer> counts = new TreeMap<>();
        resources.stream().filter(r -> r.region() != null).forEach(r -> counts.merge(r.region(), 1, Integer::sum));
        return counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(plan.region());
    }

    static String id(String name) {
        String id = name.replaceAll("[^A-Za-z0-9]", "_");
        return Character.isLetter(id.charAt(0)) ? id : "n_" + id;
    }
}
