package com.zebros.platform.runbook;

import static com.zebros.platform.global.RunbookOutputs.API_HEALTH_CHECK;
import static com.zebros.platform.global.RunbookOutputs.API_HOST;
import static com.zebros.platform.global.RunbookOutputs.AUTH_CLUSTER_ARN;
import static com.zebros.platform.global.RunbookOutputs.ECS_CLUSTER;
import static com.zebros.platform.global.RunbookOutputs.GLOBAL_CLUSTER;
import static com.zebros.platform.global.RunbookOutputs.KEYCLOAK_MAX_TASKS;
import static com.zebros.platform.global.RunbookOutputs.KEYCLOAK_MIN_TASKS;
import static com.zebros.platform.global.RunbookOutputs.KEYCLOAK_SERVICE;
import static com.zebros.platform.global.RunbookOutputs.NOTIFICATION_MAPPING;
import static com.zebros.platform.global.RunbookOutputs.REGION;

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
    public enum Scenario { SWITCHOVER, FAILOVER, FAILBACK }

    private final Map<String, Object> primary;
    private final Map<String, Object> secondary;

    public FailoverRunbook(Map<String, Object> primaryOutputs, Map<String, Object> secondaryOutputs) {
        this.primary = primaryOutputs;
        this.secondary = secondaryOutputs;
    }

    public List<Step> steps(Scenario scenario) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("Freeze deployments of both stacks (no pulumi up until the last step).", "", "", ""));
        switch (scenario) {
            case SWITCHOVER -> {
                steps.add(moveWriter(secondary, false));
                moveRegionalLoad(steps, secondary, primary);
                steps.add(invertHealthCheck(primary, true));
            }
            case FAILOVER -> {
                steps.add(moveWriter(secondary, true));
                moveRegionalLoad(steps, secondary, primary);
            }
            case FAILBACK -> {
                steps.add(new Step("Wait until the recovered primary region's cluster is a member of the global cluster again.",
                        "", describeMembers(primary), "a line holding " + get(primary, AUTH_CLUSTER_ARN)));
                steps.add(moveWriter(primary, false));
                moveRegionalLoad(steps, primary, secondary);
                steps.add(invertHealthCheck(primary, false));
            }
            default -> throw new IllegalArgumentException(scenario.name());
        }
        steps.add(new Step("Check the API through its shared name.", "",
                "curl -s -o /dev/null -w '%{http_code}\\n' https://" + get(primary, API_HOST) + "/v1/health", "200"));
        steps.add(new Step("Unfreeze deployments once the stacks' roles match the regions again.", "", "", ""));
        return steps;
    }

    /** The Aurora writer moves to {@code target}'s cluster: a switchover waits for replication, a failover does not. */
    private Step moveWriter(Map<String, Object> target, boolean dataLoss) {
        String command = "aws rds " + (dataLoss ? "failover-global-cluster" : "switchover-global-cluster")
                + " --global-cluster-identifier " + get(primary, GLOBAL_CLUSTER)
                + " --target-db-cluster-identifier " + get(target, AUTH_CLUSTER_ARN)
                + (dataLoss ? " --allow-data-loss" : "") + " --region " + get(target, REGION);
        return new Step("Make the " + get(target, REGION) + " Aurora cluster the writer"
                + (dataLoss ? " (RPO: the replication lag, typically under a second)" : " (no data loss)") + ".",
                command, writerOf(target), get(target, AUTH_CLUSTER_ARN));
    }

    private void moveRegionalLoad(List<Step> steps, Map<String, Object> to, Map<String, Object> from) {
        steps.add(keycloak(to, true));
        steps.add(keycloak(from, false));
        steps.add(notifications(to, true));
        steps.add(notifications(from, false));
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
        return new Step((start ? "Start" : "Stop") + " Keycloak in " + get(stack, REGION) + ".", command, verify,
                start ? min + " (after a few minutes)" : "0");
    }

    private static Step notifications(Map<String, Object> stack, boolean enable) {
        String uuid = get(stack, NOTIFICATION_MAPPING);
        return new Step((enable ? "Enable" : "Disable") + " stage-change notifications in " + get(stack, REGION)
                + " (only the active region notifies).",
                "aws lambda update-event-source-mapping --uuid " + uuid + (enable ? " --enabled" : " --no-enabled")
                        + " --region " + get(stack, REGION),
                "aws lambda get-event-source-mapping --uuid " + uuid + " --query State --output text --region "
                        + get(stack, REGION), enable ? "Enabled" : "Disabled");
    }

    /** A disabled health check counts as healthy, so traffic moves by inverting the check. */
    private static Step invertHealthCheck(Map<String, Object> stack, boolean invert) {
        String id = get(stack, API_HEALTH_CHECK);
        return new Step((invert ? "Send" : "Bring back") + " DNS traffic " + (invert ? "away from " : "to ")
                + get(stack, REGION) + " by " + (invert ? "inverting" : "un-inverting") + " its API health check.",
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
