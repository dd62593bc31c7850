package com.zebros.platform.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The readable plan, in the shape of {@code pulumi preview}: every resource of a fresh stack marked
 * {@code +} (to create) in a tree under the stack, the Type, Name and Plan columns, the inputs that
 * matter for the type (keys, sizes, encryption) as Info, then the outputs and a summary of what
 * would be created, per component and per type. Colour only for a terminal.
 */
public final class PlanPrinter {
    private static final String GREEN = "\u001b[32m";
    private static final String RESET = "\u001b[0m";

    /** The inputs worth a glance, per type; everything else is in {@code --json}. */
    private static final Map<String, List<String>> KEY_INPUTS = Map.ofEntries(
            Map.entry("aws:dynamodb/table:Table", List.of("name", "billingMode", "hashKey", "rangeKey", "deletionProtectionEnabled")),
            Map.entry("aws:lambda/function:Function", List.of("name", "memorySize", "reservedConcurrentExecutions", "runtime", "snapStart")),
            Map.entry("aws:ecs/taskDefinition:TaskDefinition", List.of("family", "cpu", "memory")),
            Map.entry("aws:ecs/service:Service", List.of("name", "desiredCount", "launchType")),
            Map.entry("aws:rds/cluster:Cluster", List.of("clusterIdentifier", "engineVersion", "serverlessv2ScalingConfiguration", "storageEncrypted")),
            Map.entry("aws:rds/clusterInstance:ClusterInstance", List.of("identifier", "instanceClass")),
            Map.entry("aws:s3/bucketV2:BucketV2", List.of("bucket")),
            Map.entry("aws:ec2/vpc:Vpc", List.of("cidrBlock")),
            Map.entry("aws:ec2/subnet:Subnet", List.of("cidrBlock", "availabilityZone")),
            Map.entry("aws:ecr/repository:Repository", List.of("name", "imageTagMutability")),
            Map.entry("aws:lb/loadBalancer:LoadBalancer", List.of("name", "internal")),
            Map.entry("aws:lb/listener:Listener", List.of("port", "protocol", "sslPolicy")),
            Map.entry("aws:sqs/queue:Queue", List.of("name")),
            Map.entry("aws:sfn/stateMachine:StateMachine", List.of("name", "type")),
            Map.entry("aws:apigateway/method:Method", List.of("httpMethod", "authorization")),
            Map.entry("aws:apigateway/resource:Resource", List.of("pathPart")),
            Map.entry("aws:route53/record:Record", List.of("name", "type")),
            Map.entry("aws:iam/role:Role", List.of("name")),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", List.of("name", "retentionInDays")));

    private PlanPrinter() {
    }

    public static String render(Plan plan) {
        return render(plan, false);
    }

    /** The plan; {@code colour} only when stdout is a terminal (never for a pipe, a file or JSON). */
    public static String render(Plan plan, boolean colour) {
        Map<String, List<PlannedResource>> children = new LinkedHashMap<>();
        for (PlannedResource r : plan.resources()) {
            children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
        }
        String root = new EngineUrns(plan.stack(), plan.project()).rootStack();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", EngineUrns.ROOT_STACK_TYPE, plan.project() + "-" + plan.stack(), ""});
        tree(children.getOrDefault(root, List.of()), children, "", rows);
        int typeWidth = rows.stream().mapToInt(r -> r[0].length() + r[1].length()).max().orElse(10) + 2;
        int nameWidth = rows.stream().mapToInt(r -> r[2].length()).max().orElse(10) + 2;
        StringBuilder out = new StringBuilder();
        out.append("Previewing update (").append(plan.stack()).append("): phase ").append(plan.phase()).append(", ")
                .append(plan.role()).append(", ").append(plan.region()).append(", offline\n\n");
        out.append("     ").append(pad("Type", typeWidth)).append(pad("Name", nameWidth)).append("Plan    Info\n");
        for (String[] row : rows) {
            String line = " +   " + pad(row[0] + row[1], typeWidth) + pad(row[2], nameWidth) + "create"
                    + (row[3].isEmpty() ? "" : "  " + row[3]);
            out.append(colour ? GREEN + line + RESET : line).append('\n');
        }
        out.append("\nOutputs:\n");
        plan.outputs().forEach((k, v) -> out.append("    ").append(k).append(": ").append(v).append('\n'));
        summary(plan, out, colour);
        for (String warning : plan.warnings()) {
            out.append("warning: ").append(warning).append('\n');
        }
        return out.toString();
    }

    private static void tree(List<PlannedResource> siblings, Map<String, List<PlannedResource>> children, String indent,
                             List<String[]> rows) {
        for (int i = 0; i < siblings.size(); i++) {
            PlannedResource r = siblings.get(i);
            boolean last = i == siblings.size() - 1;
            rows.add(new String[] {indent + (last ? "└─ " : "├─ "), r.type(), r.name(), details(r)});
            tree(children.getOrDefault(r.urn(), List.of()), children, indent + (last ? "   " : "│  "), rows);
        }
    }

    /** What {@code pulumi preview} ends with, and the counts a reviewer wants: per component and per type. */
    private static void summary(Plan plan, StringBuilder out, boolean colour) {
        long total = plan.resources().size() + 1;
        out.append("\nResources:\n    ").append(colour ? GREEN + "+ " + total + " to create" + RESET : "+ " + total + " to create")
                .append("\n");
        Map<String, Integer> perComponent = new LinkedHashMap<>();
        Map<String, PlannedResource> byUrn = new LinkedHashMap<>();
        plan.resources().forEach(r -> byUrn.put(r.urn(), r));
        for (PlannedResource r : plan.resources()) {
            if (!r.isComponent() && !r.isProvider()) {
                perComponent.merge(topComponent(r, byUrn), 1, Integer::sum);
            }
        }
        out.append("\nPer component (").append(plan.cloudResourceCount()).append(" cloud resources in ")
                .append(plan.resources().stream().filter(PlannedResource::isComponent).count()).append(" components):\n");
        perComponent.forEach((c, n) -> out.append(String.format("    %4d  %s%n", n, c)));
        Map<String, Integer> perType = new TreeMap<>();
        plan.resources().forEach(r -> perType.merge(r.type(), 1, Integer::sum));
        out.append("\nPer type:\n");
        perType.forEach((t, n) -> out.append(String.format("    %4d  %s%n", n, t)));
    }

    private static String topComponent(PlannedResource r, Map<String, PlannedResource> byUrn) {
        PlannedResource top = null;
        for (PlannedResource at = byUrn.get(r.parent()); at != null; at = byUrn.get(at.parent())) {
            top = at;
        }
        return top == null ? "(stack)" : top.name() + " (" + top.type() + ")";
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    private static String details(PlannedResource r) {
        return KEY_INPUTS.getOrDefault(r.type(), List.of()).stream()
                .filter(k -> r.inputs().get(k) != null)
                .map(k -> k + "=" + r.inputs().get(k))
                .collect(Collectors.joining(" "));
    }
}
