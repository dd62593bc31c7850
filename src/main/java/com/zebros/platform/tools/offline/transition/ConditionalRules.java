package com.zebros.platform.tools.offline.transition;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The CustomizeDiff functions (and conditional plan modifiers) of terraform-provider-aws that force a replacement only
 * under a condition, ported from their Go source: each answers, from a resource's old and new inputs, whether the
 * provider would replace it. The replacement table names them in its {@code if:} rows; ReplacementRulesTest fails on
 * a row whose condition has no port here. Paths are terraform-provider-aws internal/service/...
 */
public final class ConditionalRules {
    /** A ported condition: the Go it comes from, and the answer. */
    private record Port(String source, BiPredicate<Map<String, Object>, Map<String, Object>> forces) {}

    private static final Map<String, Port> PORTS = Map.ofEntries(
            Map.entry(
                    "capacityProviderStrategyCustomizeDiff",
                    new Port("ecs/service.go", ConditionalRules::capacityProviderStrategyForcesNew)),
            Map.entry(
                    "customizeDiffEngineVersionForceNewOnDowngrade",
                    new Port(
                            "elasticache/engine_version.go",
                            (was, is) ->
                                    EngineVersions.isDowngrade(text(was, "engineVersion"), text(is, "engineVersion")))),
            Map.entry(
                    "ForceNewIf(transit_encryption_enabled)",
                    new Port(
                            "elasticache/replication_group.go",
                            // Before Redis 7.0.5 the setting can only be chosen at creation. The provider reads the
                            // running
                            // version; the plan knows the requested one, the same or older.
                            (was, is) -> text(is, "engineVersion").isEmpty()
                                    || EngineVersions.isDowngrade("7.0.5", text(is, "engineVersion")))),
            Map.entry(
                    "resourceAuthorizerCustomizeDiff",
                    new Port(
                            "apigateway/authorizer.go",
                            (was, is) -> "COGNITO_USER_POOLS".equals(text(was, "type"))
                                    || "COGNITO_USER_POOLS".equals(text(is, "type")))),
            Map.entry(
                    "ForceNewIfChange(restore_source_name)",
                    new Port(
                            "dynamodb/table.go",
                            (was, is) -> !text(is, "restoreSourceName").isEmpty())),
            Map.entry(
                    "ForceNewIf(user_data)",
                    new Port(
                            "ec2/ec2_instance.go",
                            (was, is) -> Boolean.TRUE.equals(is.get("userDataReplaceOnChange")))),
            Map.entry(
                    "ForceNewIf(user_data_base64)",
                    new Port(
                            "ec2/ec2_instance.go",
                            (was, is) -> Boolean.TRUE.equals(is.get("userDataReplaceOnChange")))),
            Map.entry(
                    "ForceNewIf(instance_type)",
                    new Port(
                            "ec2/ec2_instance.go",
                            // The provider asks EC2 whether both types share a root device type and an architecture;
                            // offline
                            // that is unknown, so a changed type counts as a replacement.
                            (was, is) -> true)),
            Map.entry(
                    "resourceVPCCustomizeDiff",
                    new Port(
                            "ec2/vpc_.go",
                            (was, is) -> !("dedicated".equals(text(was, "instanceTenancy"))
                                    && "default".equals(text(is, "instanceTenancy"))))),
            Map.entry(
                    "customizeDiffLoadBalancerNLB",
                    new Port("elbv2/load_balancer.go", ConditionalRules::networkLoadBalancerForcesNew)),
            Map.entry(
                    "customizeDiffLoadBalancerALB",
                    new Port("elbv2/load_balancer.go", ConditionalRules::applicationLoadBalancerForcesNew)),
            Map.entry(
                    "ForceNewIf(storage_type)",
                    new Port("rds/cluster.go", (was, is) -> !text(is, "engine").startsWith("aurora"))));

    private ConditionalRules() {}

    public static boolean isPorted(String condition) {
        return PORTS.containsKey(condition);
    }

    /** The Go file the condition is ported from, under terraform-provider-aws internal/service. */
    public static Optional<String> source(String condition) {
        return Optional.ofNullable(PORTS.get(condition)).map(Port::source);
    }

    /**
     * Whether {@code condition} forces a replacement of a resource whose inputs go from {@code was} to {@code is}.
     * A condition with no port counts as a replacement: the cautious answer for a step that must not fail halfway.
     */
    public static boolean forces(String condition, Map<String, Object> was, Map<String, Object> is) {
        Port port = PORTS.get(condition);
        return port == null || port.forces().test(was, is);
    }

    /**
     * ECS: a changed capacity provider strategy replaces the service unless {@code forceNewDeployment} is set and
     * neither the old nor the new strategy is empty (a switch from a launch type always replaces).
     */
    private static boolean capacityProviderStrategyForcesNew(Map<String, Object> was, Map<String, Object> is) {
        if (!Boolean.TRUE.equals(is.get("forceNewDeployment"))) {
            return true;
        }
        return list(was, "capacityProviderStrategies").isEmpty()
                != list(is, "capacityProviderStrategies").isEmpty();
    }

    /** NLB: fewer (or the same number of changed) subnets, or security groups added to none or all removed. */
    private static boolean networkLoadBalancerForcesNew(Map<String, Object> was, Map<String, Object> is) {
        if (!"network".equals(text(is, "loadBalancerType"))) {
            return false;
        }
        boolean subnets = !Objects.equals(was.get("subnets"), is.get("subnets"))
                && list(is, "subnets").size() <= list(was, "subnets").size();
        boolean mappings = !Objects.equals(was.get("subnetMappings"), is.get("subnetMappings"))
                && !(list(is, "subnetMappings").size()
                                > list(was, "subnetMappings").size()
                        && list(is, "subnetMappings").containsAll(list(was, "subnetMappings")));
        boolean groups = list(was, "securityGroups").isEmpty()
                != list(is, "securityGroups").isEmpty();
        return subnets || mappings || groups;
    }

    /** ALB: subnet mappings that change rather than only grow or shrink. */
    private static boolean applicationLoadBalancerForcesNew(Map<String, Object> was, Map<String, Object> is) {
        if (!"application".equals(text(is, "loadBalancerType"))
                || Objects.equals(was.get("subnetMappings"), is.get("subnetMappings"))) {
            return false;
        }
        List<?> before = list(was, "subnetMappings");
        List<?> after = list(is, "subnetMappings");
        if (after.size() == before.size()) {
            return true;
        }
        return after.size() > before.size() ? !after.containsAll(before) : !before.containsAll(after);
    }

    private static String text(Map<String, Object> inputs, String key) {
        Object value = inputs.get(key);
        return value == null ? "" : String.valueOf(value);
    }

    private static List<?> list(Map<String, Object> inputs, String key) {
        return inputs.get(key) instanceof List<?> list ? list : List.of();
    }
}
