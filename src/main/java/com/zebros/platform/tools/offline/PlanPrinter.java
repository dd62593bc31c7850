package com.zebros.platform.tools.offline;

import com.zebros.platform.AwsTypes;
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
            Map.entry(
                    AwsTypes.DYNAMODB_TABLE,
                    List.of("name", "billingMode", "hashKey", "rangeKey", "deletionProtectionEnabled")),
            Map.entry(
                    AwsTypes.LAMBDA_FUNCTION,
                    List.of("name", "memorySize", "reservedConcurrentExecutions", "runtime", "snapStart")),
            Map.entry(AwsTypes.ECS_TASK_DEFINITION, List.of("family", "cpu", "memory")),
            Map.entry(AwsTypes.ECS_SERVICE, List.of("name", "desiredCount", "launchType")),
            Map.entry(
                    AwsTypes.RDS_CLUSTER,
                    List.of(
                            "clusterIdentifier",
                            "engineVersion",
                            "serverlessv2ScalingConfiguration",
                            "storageEncrypted")),
            Map.entry(AwsTypes.RDS_CLUSTER_INSTANCE, List.of("identifier", "instanceClass")),
            Map.entry(AwsTypes.S3_BUCKET_V2, List.of("bucket")),
            Map.entry(AwsTypes.EC2_VPC, List.of("cidrBlock")),
            Map.entry(AwsTypes.EC2_SUBNET, List.of("cidrBlock", "availabilityZone")),
            Map.entry(AwsTypes.ECR_REPOSITORY, List.of("name", "imageTagMutability")),
            Map.entry(AwsTypes.LB_LOAD_BALANCER, List.of("name", "internal")),
            Map.entry(AwsTypes.LB_LISTENER, List.of("port", "protocol", "sslPolicy")),
            Map.entry(AwsTypes.SQS_QUEUE, List.of("name")),
            Map.entry(AwsTypes.SFN_STATE_MACHINE, List.of("name", "type")),
            Map.entry(AwsTypes.APIGATEWAY_METHOD, List.of("httpMethod", "authorization")),
            Map.entry(AwsTypes.APIGATEWAY_RESOURCE, List.of("pathPart")),
            Map.entry(AwsTypes.ROUTE53_RECORD, List.of("name", "type")),
            Map.entry(AwsTypes.IAM_ROLE, List.of("name")),
            Map.entry(AwsTypes.CLOUDWATCH_LOG_GROUP, List.of("name", "retentionInDays")));

    private PlanPrinter() {}

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
        int typeWidth =
                rows.stream().mapToInt(r -> r[0].length() + r[1].length()).max().orElse(10) + 2;
        int nameWidth = rows.stream().mapToInt(r -> r[2].length()).max().orElse(10) + 2;
        StringBuilder out = new StringBuilder();
        out.append("Previewing update (")
                .append(plan.stack())
                .append("): phase ")
                .append(plan.phase())
                .append(", ")
                .append(plan.role())
                .append(", ")
                .append(plan.region())
                .append(", offline\n\n");
        out.append("     ")
                .append(pad("Type", typeWidth))
                .append(pad("Name", nameWidth))
                .append("Plan    Info\n");
        for (String[] row : rows) {
            String line = " +   " + pad(row[0] + row[1], typeWidth) + pad(row[2], nameWidth) + "create"
                    + (row[3].isEmpty() ? "" : "  " + row[3]);
            out.append(colour ? GREEN + line + RESET : line).append('\n');
        }
        out.append("\nOutputs:\n");
        plan.outputs()
                .forEach((k, v) ->
                        out.append("    ").append(k).append(": ").append(v).append('\n'));
        summary(plan, out, colour);
        for (String warning : plan.warnings()) {
            out.append("warning: ").append(warning).append('\n');
        }
        return out.toString();
    }

    private static void tree(
            List<PlannedResource> siblings,
            Map<String, List<PlannedResource>> children,
            String indent,
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
        out.append("\nResources:\n    ")
                .append(colour ? GREEN + "+ " + total + " to create" + RESET : "+ " + total + " to create")
                .append("\n");
        Map<String, Integer> perComponent = new LinkedHashMap<>();
        Map<String, PlannedResource> byUrn = new LinkedHashMap<>();
        plan.resources().forEach(r -> byUrn.put(r.urn(), r));
        for (PlannedResource r : plan.resources()) {
            if (!r.isComponent() && !r.isProvider()) {
                perComponent.merge(topComponent(r, byUrn), 1, Integer::sum);
            }
        }
        out.append("\nPer component (")
                .append(plan.cloudResourceCount())
                .append(" cloud resources in ")
                .append(plan.resources().stream()
                        .filter(PlannedResource::isComponent)
                        .count())
                .append(" components):\n");
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
