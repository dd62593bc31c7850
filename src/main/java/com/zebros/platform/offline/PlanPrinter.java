package com.zebros.platform.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The readable plan: a tree grouped by component, each resource with its type, name and the few
 * inputs that matter for that type (keys, sizes, encryption), then the outputs and a count.
 */
public final class PlanPrinter {

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
        StringBuilder out = new StringBuilder();
        out.append(plan.project()).append(" / ").append(plan.stack()).append(": phase ").append(plan.phase())
                .append(", ").append(plan.role()).append(", ").append(plan.region()).append('\n');
        Map<String, List<PlannedResource>> children = new LinkedHashMap<>();
        for (PlannedResource r : plan.resources()) {
            children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
        }
        String root = plan.resources().isEmpty() ? "" : plan.resources().get(0).parent();
        for (PlannedResource top : plan.resources()) {
            if (top.parent().equals(root)) {
                print(top, children, "", out);
            }
        }
        out.append("\nOutputs:\n");
        plan.outputs().forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        long components = plan.resources().stream().filter(PlannedResource::isComponent).count();
        out.append('\n').append(plan.cloudResourceCount()).append(" resources in ").append(components)
                .append(" components (").append(plan.resources().size()).append(" registrations with providers)\n");
        for (String warning : plan.warnings()) {
            out.append("warning: ").append(warning).append('\n');
        }
        return out.toString();
    }

    private static void print(PlannedResource r, Map<String, List<PlannedResource>> children, String indent,
                              StringBuilder out) {
        out.append(indent).append(r.isComponent() ? "+ " : "- ").append(r.name()).append("  ").append(r.type());
        String details = details(r);
        if (!details.isEmpty()) {
            out.append("  ").append(details);
        }
        out.append('\n');
        for (PlannedResource child : children.getOrDefault(r.urn(), List.of())) {
            print(child, children, indent + "    ", out);
        }
    }

    private static String details(PlannedResource r) {
        return KEY_INPUTS.getOrDefault(r.type(), List.of()).stream()
                .filter(k -> r.inputs().get(k) != null)
                .map(k -> k + "=" + r.inputs().get(k))
                .collect(Collectors.joining(" "));
    }
}
