package com.zebros.platform.tools.offline;

import com.zebros.platform.config.Feature;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.RedisClusterMode;
import com.zebros.platform.config.Role;
import com.zebros.platform.config.StackSettings;
import com.zebros.platform.tools.offline.transition.CacheWarmth;
import com.zebros.platform.tools.offline.transition.Problem;
import com.zebros.platform.tools.offline.transition.Transition;
import java.util.ArrayList;
import java.util.List;

/**
 * A phase change of one stack, planned offline: the plan at the current phase beside the plan at
 * the target, {@code pulumi up} between them simulated ({@link Transition}: what is updated in place, replaced and
 * why, created, deleted, in the engine's order), the refusals that protect data and a deployment that could not
 * finish, and the steps when one deployment cannot do it.
 */
public record Promotion(
        StackSettings from,
        StackSettings to,
        Plan before,
        Plan after,
        PlanDiff diff,
        Transition transition,
        List<String> refusals,
        List<String> steps,
        List<String> warnings) {

    /** What a caller knows that the plans cannot: the primary's phase, and whether skipping is allowed. */
    public record Context(Integer primaryPhase, boolean allowSkip) {}

    public static Promotion plan(
            StackSettings current,
            int target,
            Context context,
            java.util.function.Function<StackSettings, Plan> planner) {
        StackSettings targetSettings = targetSettings(current, target);
        Plan before = planner.apply(current);
        Plan after = planner.apply(targetSettings);
        PlanDiff diff = PlanDiff.between(before, after);
        Transition transition = Transition.simulate(before, after);
        List<String> refusals = new ArrayList<>();
        List<String> warnings = new ArrayList<>(IndexRebuilds.between(before, after));
        for (Problem problem : transition.problems()) {
            if (problem.kind() == Problem.Kind.UNKNOWN_INPUT) {
                warnings.add(problem.toString());
            } else {
                refusals.add(problem.toString());
            }
        }
        warnings.addAll(CacheWarmth.of(transition));
        if (Math.abs(target - current.phase()) > 1 && !context.allowSkip()) {
            refusals.add("phase " + current.phase() + " → " + target + " skips a phase; promote one phase at a time "
                    + "(each phase's layers are deployed and verified before the next), or pass --allow-skip");
        }
        if (current.role() == Role.SECONDARY && context.primaryPhase() != null && target > context.primaryPhase()) {
            refusals.add("a secondary may not run above its primary: "
                    + current.primaryStack().orElse("the primary") + " is at phase " + context.primaryPhase()
                    + "; promote it first");
        }
        return new Promotion(
                current, targetSettings, before, after, diff, transition, refusals, steps(current, target), warnings);
    }

    /**
     * The settings of the target, with Redis's cluster-mode state: into phase 3 Redis first passes through {@code
     * compatible}, and once in (or on its way into) cluster mode it stays there below phase 3, because ElastiCache
     * cannot revert it (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/modify-cluster-mode.html).
     */
    static StackSettings targetSettings(StackSettings current, int target) {
        return current.atPhase(target).withRedisClusterMode(redisModeAt(current, target));
    }

    private static RedisClusterMode redisModeAt(StackSettings current, int target) {
        if (!Feature.REDIS.in(target)) {
            return RedisClusterMode.PHASE;
        }
        if (Feature.REDIS_CLUSTER_MODE.in(target)) {
            return intoClusterMode(current, target) ? RedisClusterMode.COMPATIBLE : RedisClusterMode.PHASE;
        }
        return inOrIntoClusterMode(current) ? RedisClusterMode.KEPT : RedisClusterMode.PHASE;
    }

    /** Redis, already running outside cluster mode, enters it with this promotion: the two-step change. */
    private static boolean intoClusterMode(StackSettings current, int target) {
        return Feature.REDIS_CLUSTER_MODE.arrivesBetween(current.phase(), target)
                && Feature.REDIS.in(current.phase())
                && current.redisClusterMode() != RedisClusterMode.KEPT;
    }

    /** Whether the stack's Redis is in cluster mode, or has started into it. */
    private static boolean inOrIntoClusterMode(StackSettings current) {
        return Feature.REDIS_CLUSTER_MODE.in(current.phase()) || current.redisClusterMode() == RedisClusterMode.KEPT;
    }

    private static List<String> steps(StackSettings current, int target) {
        List<String> steps = new ArrayList<>();
        String stack = current.stack();
        PhaseTable before = current.phases();
        boolean provisioningGlobalTables = current.role().isGlobal()
                && !before.dynamoProvisioned()
                && PhaseTable.defaults(target).dynamoProvisioned();
        if (provisioningGlobalTables) {
            steps.add("DynamoDB global tables move to provisioned capacity "
                    + "(https://github.com/hashicorp/terraform-provider-aws/issues/13097, "
                    + "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_reqs_bestpractices.html): "
                    + (current.role() == Role.PRIMARY
                            ? "1) pulumi up -s " + stack
                                    + " switches the tables and registers write and read auto-scaling on "
                                    + "tables and indexes in this region; 2) promote and pulumi up the secondary, which owns its "
                                    + "replicas' auto-scaling targets; 3) verify the replicas' scalable targets "
                                    + "(aws application-autoscaling describe-scalable-targets --service-namespace dynamodb)"
                            : "the primary must be at phase " + target + " first; then pulumi up -s " + stack
                                    + " registers the replicas' auto-scaling in this region"));
        }
        if (intoClusterMode(current, target)) {
            steps.add("Redis moves into cluster mode in two deployments "
                    + "(https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/modify-cluster-mode.html): 1) this promotion writes "
                    + "zebros:redisClusterMode: compatible; pulumi up -s " + stack + "; 2) run promote --stack " + stack
                    + " --to 3 --write again, which removes it; pulumi up -s " + stack);
        }
        if (current.redisCompatibleStep() && current.phase() == target) {
            steps.add("Second Redis step: cluster mode goes from compatible to enabled; pulumi up -s " + stack);
        }
        if (Feature.REDIS.in(target)
                && !Feature.REDIS_CLUSTER_MODE.in(target)
                && inOrIntoClusterMode(current)
                && current.redisClusterMode() != RedisClusterMode.KEPT) {
            steps.add(
                    "Redis stays in cluster mode, with one shard of two nodes: ElastiCache cannot take a cluster out of "
                            + "it (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/modify-cluster-mode.html); this step "
                            + "writes zebros:redisClusterMode: enabled, which a later promotion to phase 3 or below 2 removes");
        }
        return steps;
    }

    public boolean refused() {
        return !refusals.isEmpty();
    }
}
