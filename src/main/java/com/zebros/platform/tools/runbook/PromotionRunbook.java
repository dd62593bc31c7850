package com.zebros.platform.tools.runbook;

import com.zebros.platform.AwsTypes;
import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.PlannedResource;
import com.zebros.platform.tools.offline.Promotion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A promotion as commands in order: write the phase, preview, deploy, and after each deployment the
 * checks that show the phase's new layers running (Redis, DAX, the tables' auto-scaling), including
 * the second deployment a step needs (Redis into cluster mode) and, for a primary, its secondary.
 * Identifiers come from the target plan.
 */
public final class PromotionRunbook {
    private static final String CLI = "mvn -q compile exec:java -Dexec.args=\"promote --stack %s --to %d --write\"";

    private PromotionRunbook() {}

    /**
     * The steps of {@code promotion}, and for a primary those of its secondary's promotion to the same phase, with the
     * same checks in the secondary's region, so both regions end at the same phase with the same layers running.
     */
    public static List<Step> steps(Promotion promotion, Optional<Promotion> secondary) {
        List<Step> steps = new ArrayList<>(stackSteps(promotion));
        secondary.ifPresent(second -> {
            steps.add(new Step("Then the secondary, which must not run above its primary.", "", "", ""));
            steps.addAll(stackSteps(second));
            if (!promotion.after().ofType(AwsTypes.DYNAMODB_TABLE_REPLICA).isEmpty()) {
                String table = tableName(promotion.after());
                steps.add(new Step(
                        "Check the tables still replicate to " + second.from().region() + ".",
                        "",
                        "aws dynamodb describe-table --table-name " + table + " --query 'Table.Replicas[].RegionName'"
                                + " --output text --region " + promotion.from().region(),
                        second.from().region()));
            }
        });
        Object apiHost = promotion.after().outputs().get("apiHost");
        steps.add(new Step(
                "Check the API.",
                "",
                "curl -s -o /dev/null -w '%{http_code}\\n' https://" + apiHost + "/v1/health",
                "200"));
        return steps;
    }

    /** One stack's promotion: write the phase, preview, deploy, the second Redis deployment, and the checks. */
    private static List<Step> stackSteps(Promotion promotion) {
        Plan after = promotion.after();
        String stack = promotion.from().stack();
        int target = promotion.to().phase();
        String region = promotion.from().region();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(
                "Write the target phase into Pulumi." + stack + ".yaml.",
                String.format(CLI, stack, target),
                "grep -E 'zebros:(phase|redisClusterMode)' Pulumi." + stack + ".yaml",
                "zebros:phase: " + target
                        + (promotion.to().redisClusterMode().configValue().isEmpty()
                                ? ""
                                : " and zebros:redisClusterMode: "
                                        + promotion.to().redisClusterMode().configValue())));
        steps.add(new Step("Preview the change.", "pulumi preview --stack " + stack + " --diff", "", ""));
        steps.add(deploy(stack, target));
        first(after, AwsTypes.ELASTICACHE_REPLICATION_GROUP)
                .filter(r -> promotion.before().ofType(r.type()).isEmpty())
                .ifPresent(redis -> steps.add(new Step(
                        "Check Redis is up in " + region + ".",
                        "",
                        "aws elasticache describe-replication-groups --replication-group-id "
                                + redis.inputs().get("replicationGroupId")
                                + " --query 'ReplicationGroups[0].Status' --output text --region " + region,
                        "available")));
        first(after, AwsTypes.DAX_CLUSTER)
                .filter(r -> !promotion.before().ofType(r.type()).stream()
                        .map(old -> old.inputs().get("clusterName"))
                        .toList()
                        .contains(r.inputs().get("clusterName")))
                .ifPresent(dax -> steps.add(new Step(
                        "Check DAX is up in " + region + ".",
                        "",
                        "aws dax describe-clusters --cluster-names "
                                + dax.inputs().get("clusterName")
                                + " --query 'Clusters[0].Status' --output text --region " + region,
                        "available")));
        if (promotion.to().redisCompatibleStep()) {
            steps.add(new Step(
                    "Second Redis step: remove zebros:redisClusterMode (cluster mode goes from compatible to enabled).",
                    String.format(CLI, stack, target),
                    "grep -c redisClusterMode Pulumi." + stack + ".yaml",
                    "0"));
            steps.add(deploy(stack, target));
            first(after, AwsTypes.ELASTICACHE_REPLICATION_GROUP)
                    .ifPresent(redis -> steps.add(new Step(
                            "Check Redis runs in cluster mode in " + region + ".", "",
                            "aws elasticache describe-replication-groups --replication-group-id "
                                            + redis.inputs().get("replicationGroupId")
                                            + " --query 'ReplicationGroups[0].ClusterEnabled' --output text"
                                            + " --region " + region,
                                    "True")));
        }
        if (!promotion.before().ofType(AwsTypes.APPAUTOSCALING_TARGET).stream().anyMatch(PromotionRunbook::isTable)
                && after.ofType(AwsTypes.APPAUTOSCALING_TARGET).stream().anyMatch(PromotionRunbook::isTable)) {
            String table = tableName(after);
            steps.add(new Step(
                    "Check the tables' auto-scaling is registered in " + region + ".",
                    "",
                    "aws application-autoscaling describe-scalable-targets --service-namespace dynamodb --resource-ids table/"
                            + table + " --query 'length(ScalableTargets)' --region " + region,
                    "2 (read and write)"));
        }
        return steps;
    }

    private static Step deploy(String stack, int target) {
        return new Step(
                "Deploy.",
                "pulumi up --stack " + stack,
                "pulumi stack output phase --stack " + stack,
                String.valueOf(target));
    }

    private static boolean isTable(PlannedResource target) {
        return "dynamodb".equals(target.inputs().get("serviceNamespace"));
    }

    @SuppressWarnings("unchecked")
    private static String tableName(Plan plan) {
        Map<String, Object> names = (Map<String, Object>) plan.outputs().get("tableNames");
        return String.valueOf(names.get("customers"));
    }

    private static Optional<PlannedResource> first(Plan plan, String type) {
        return plan.ofType(type).stream().findFirst();
    }
}
