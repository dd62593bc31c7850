package com.zebros.platform.tools.runbook;

import static com.zebros.platform.global.RunbookOutputs.API_HEALTH_CHECK;
import static com.zebros.platform.global.RunbookOutputs.API_HOST;
import static com.zebros.platform.global.RunbookOutputs.AUTH_CLUSTER_ARN;
import static com.zebros.platform.global.RunbookOutputs.AUTH_CLUSTER_SPEC;
import static com.zebros.platform.global.RunbookOutputs.AUTH_HEALTH_CHECK;
import static com.zebros.platform.global.RunbookOutputs.ECS_CLUSTER;
import static com.zebros.platform.global.RunbookOutputs.GLOBAL_CLUSTER;
import static com.zebros.platform.global.RunbookOutputs.KEYCLOAK_MAX_TASKS;
import static com.zebros.platform.global.RunbookOutputs.KEYCLOAK_MIN_TASKS;
import static com.zebros.platform.global.RunbookOutputs.KEYCLOAK_SERVICE;
import static com.zebros.platform.global.RunbookOutputs.NOTIFICATION_MAPPING;
import static com.zebros.platform.global.RunbookOutputs.RECORD_EVENTS_MAPPING;
import static com.zebros.platform.global.RunbookOutputs.REGION;
import static com.zebros.platform.global.RunbookOutputs.STACK;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The region pair's runbooks as commands: a planned switchover, an unplanned failover and the fail
 * back, each step an AWS CLI command with every identifier taken from the two stacks' outputs (their
 * offline plans, or {@code pulumi stack output --json} of the deployed stacks), followed by the
 * command that verifies it. The commands follow the AWS CLI reference
 * (https://awscli.amazonaws.com/v2/documentation/api/latest/reference/index.html): rds
 * switchover-global-cluster, failover-global-cluster and describe-global-clusters; application-autoscaling
 * register-scalable-target; ecs update-service and describe-services; lambda update-event-source-mapping
 * and get-event-source-mapping; route53 update-health-check and get-health-check-status.
 */
public final class FailoverRunbook {
    /** Which runbook. */
    public enum Scenario {
        SWITCHOVER,
        FAILOVER,
        FAILBACK
    }

    private final Map<String, Object> primary;
    private final Map<String, Object> secondary;

    public FailoverRunbook(Map<String, Object> primaryOutputs, Map<String, Object> secondaryOutputs) {
        this.primary = primaryOutputs;
        this.secondary = secondaryOutputs;
    }

    public List<Step> steps(Scenario scenario) {
        List<Step> steps = new ArrayList<>();
        switch (scenario) {
            case SWITCHOVER -> {
                steps.add(freeze());
                steps.add(moveWriter(secondary, false));
                moveRegionalLoad(steps, secondary, primary);
                steps.add(invertHealthCheck(primary, API_HEALTH_CHECK, "API", true));
                steps.add(checkApi());
                steps.add(unfreeze());
            }
            case FAILOVER -> {
                // The primary's region is down: every command goes to the survivor. Route 53 needs no call: the
                // primary's failing health checks move the failover records, and its control plane may be the
                // failed region (RegionsTouched).
                steps.add(new Step(
                        "Freeze deployments of both stacks until the failback: pulumi up of the failed "
                                + "region's stack cannot reach it, and the survivor's must not change while it serves alone.",
                        "",
                        "",
                        ""));
                steps.add(moveWriter(secondary, true));
                steps.add(keycloak(secondary, true));
                steps.add(notifications(secondary, true));
                steps.add(recordEvents(secondary, true));
                steps.add(checkApi());
                steps.add(new Step(
                        "Leave " + get(primary, REGION) + " alone until it answers again: its Keycloak "
                                + "tasks and notification mapping cannot be reached now. When it does, run the failback "
                                + "(runbook --failback) before anything else: its first steps stop them.",
                        "",
                        "",
                        ""));
            }
            case FAILBACK -> failback(steps);
            default -> throw new IllegalArgumentException(scenario.name());
        }
        return steps;
    }

    /**
     * After an unplanned failover, with both regions up again: keep traffic on the survivor, silence the recovered
     * region, take its stale cluster out of the global database, keep its unreplicated writes in a snapshot, add the
     * region back as a new member, and switch over to it with no data loss, as AWS documents the recovery
     * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database-disaster-recovery.html#aurora-global-database-failover,
     * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_SwitchoverGlobalCluster.html).
     */
    private void failback(List<Step> steps) {
        steps.add(freeze());
        steps.add(invertHealthCheck(primary, API_HEALTH_CHECK, "API", true));
        steps.add(invertHealthCheck(primary, AUTH_HEALTH_CHECK, "auth", true));
        steps.add(keycloak(primary, false));
        steps.add(notifications(primary, false));
        steps.add(recordEvents(primary, false));
        new ReAddedCluster(
                        get(primary, GLOBAL_CLUSTER),
                        get(primary, AUTH_CLUSTER_ARN),
                        get(primary, REGION),
                        get(secondary, REGION),
                        spec(primary))
                .steps()
                .forEach(steps::add);
        steps.add(moveWriter(primary, false));
        moveRegionalLoad(steps, primary, secondary);
        steps.add(invertHealthCheck(primary, API_HEALTH_CHECK, "API", false));
        steps.add(invertHealthCheck(primary, AUTH_HEALTH_CHECK, "auth", false));
        steps.add(new Step(
                "Let Pulumi read the re-added cluster, then check it plans nothing else.",
                "pulumi refresh --stack " + get(primary, STACK) + " --yes",
                "pulumi preview --stack " + get(primary, STACK) + " --diff",
                "no changes to the auth cluster; review any other drift before " + "unfreezing"));
        steps.add(checkApi());
        steps.add(unfreeze());
    }

    private static Step freeze() {
        return new Step("Freeze deployments of both stacks (no pulumi up until the last step).", "", "", "");
    }

    private static Step unfreeze() {
        return new Step("Unfreeze deployments once the stacks' roles match the regions again.", "", "", "");
    }

    private Step checkApi() {
        return new Step(
                "Check the API through its shared name.",
                "",
                "curl -s -o /dev/null -w '%{http_code}\\n' https://" + get(primary, API_HOST) + "/v1/health",
                "200");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> outputs) {
        Object spec = outputs.get(AUTH_CLUSTER_SPEC);
        if (!(spec instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("the stack has no output " + AUTH_CLUSTER_SPEC + "; deploy it (or plan "
                    + "it) with this version of the program, which exports it");
        }
        return (Map<String, Object>) spec;
    }

    /** The Aurora writer moves to {@code target}'s cluster: a switchover waits for replication, a failover does not. */
    private Step moveWriter(Map<String, Object> target, boolean dataLoss) {
        String command = "aws rds " + (dataLoss ? "failover-global-cluster" : "switchover-global-cluster")
                + " --global-cluster-identifier " + get(primary, GLOBAL_CLUSTER)
                + " --target-db-cluster-identifier " + get(target, AUTH_CLUSTER_ARN)
                + (dataLoss ? " --allow-data-loss" : "") + " --region " + get(target, REGION);
        return new Step(
                "Make the " + get(target, REGION) + " Aurora cluster the writer"
                        + (dataLoss ? " (RPO: the replication lag, typically under a second)" : " (no data loss)")
                        + ".",
                command,
                writerOf(target),
                get(target, AUTH_CLUSTER_ARN));
    }

    private void moveRegionalLoad(List<Step> steps, Map<String, Object> to, Map<String, Object> from) {
        steps.add(keycloak(to, true));
        steps.add(keycloak(from, false));
        steps.add(notifications(to, true));
        steps.add(recordEvents(to, true));
        steps.add(notifications(from, false));
        steps.add(recordEvents(from, false));
    }

    private static Step keycloak(Map<String, Object> stack, boolean start) {
        String min = start ? get(stack, KEYCLOAK_MIN_TASKS) : "0";
        String max = start ? get(stack, KEYCLOAK_MAX_TASKS) : "0";
        String command = "aws application-autoscaling register-scalable-target --service-namespace ecs"
                + " --resource-id service/" + get(stack, ECS_CLUSTER) + "/" + get(stack, KEYCLOAK_SERVICE)
                + " --scalable-dimension ecs:service:DesiredCount --min-capacity " + min + " --max-capacity " + max
                + " --region " + get(stack, REGION)
                + " && aws ecs update-service --cluster " + get(stack, ECS_CLUSTER) + " --service "
                + get(stack, KEYCLOAK_SERVICE) + " --desired-count " + min + " --region " + get(stack, REGION);
        String verify = "aws ecs describe-services --cluster " + get(stack, ECS_CLUSTER) + " --services "
                + get(stack, KEYCLOAK_SERVICE) + " --query 'services[0].runningCount' --region " + get(stack, REGION);
        return new Step(
                (start ? "Start" : "Stop") + " Keycloak in " + get(stack, REGION) + ".",
                command,
                verify,
                start ? min + " (after a few minutes)" : "0");
    }

    private static Step notifications(Map<String, Object> stack, boolean enable) {
        return streamMapping(stack, NOTIFICATION_MAPPING, "stage-change notifications", "notifies", enable);
    }

    private static Step recordEvents(Map<String, Object> stack, boolean enable) {
        return streamMapping(stack, RECORD_EVENTS_MAPPING, "webhook events", "sends them", enable);
    }

    /** A stream's event source mapping, which runs in the active region only, enabled or disabled there. */
    private static Step streamMapping(
            Map<String, Object> stack, String output, String what, String activeDoes, boolean enable) {
        String uuid = get(stack, output);
        return new Step(
                (enable ? "Enable" : "Disable") + " " + what + " in " + get(stack, REGION) + " (only the active region "
                        + activeDoes + ").",
                "aws lambda update-event-source-mapping --uuid " + uuid + (enable ? " --enabled" : " --no-enabled")
                        + " --region " + get(stack, REGION),
                "aws lambda get-event-source-mapping --uuid " + uuid + " --query State --output text --region "
                        + get(stack, REGION),
                enable ? "Enabled" : "Disabled");
    }

    /** Traffic moves by inverting a health check: the failover record then counts the region as unhealthy. */
    private static Step invertHealthCheck(Map<String, Object> stack, String check, String what, boolean invert) {
        String id = get(stack, check);
        return new Step(
                (invert ? "Send" : "Bring back") + " " + what + " traffic " + (invert ? "away from " : "to ")
                        + get(stack, REGION) + " by " + (invert ? "inverting" : "un-inverting") + " its " + what
                        + " health check.",
                "aws route53 update-health-check --health-check-id " + id + (invert ? " --inverted" : " --no-inverted"),
                "aws route53 get-health-check-status --health-check-id " + id
                        + " --query 'HealthCheckObservations[].StatusReport.Status' --output text",
                invert ? "Failure lines (the inverted check fails)" : "Success lines");
    }

    private String writerOf(Map<String, Object> target) {
        return "aws rds describe-global-clusters --global-cluster-identifier " + get(primary, GLOBAL_CLUSTER)
                + " --query 'GlobalClusters[0].GlobalClusterMembers[?IsWriter==`true`].DBClusterArn' --output text"
                + " --region " + get(target, REGION);
    }

    private String describeMembers(Map<String, Object> stack) {
        return "aws rds describe-global-clusters --global-cluster-identifier " + get(primary, GLOBAL_CLUSTER)
                + " --query 'GlobalClusters[0].GlobalClusterMembers[].DBClusterArn' --output text --region "
                + get(stack, REGION);
    }

    private static String get(Map<String, Object> outputs, String name) {
        Object value = outputs.get(name);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalArgumentException("the stack has no output " + name + "; deploy it (or plan it) with this "
                    + "version of the program, which exports it");
        }
        return value instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(value);
    }
}
