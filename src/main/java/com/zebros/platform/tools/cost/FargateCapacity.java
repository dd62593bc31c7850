package com.zebros.platform.tools.cost;

import java.util.List;
import java.util.Map;

/**
 * How ECS places a service's tasks over a capacity provider strategy: each provider's base first, then the rest
 * in proportion to the weights. https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-capacity-providers.html
 */
final class FargateCapacity {
    static final String SPOT = "FARGATE_SPOT";

    private FargateCapacity() {}

    /** How many of {@code tasks} run on Fargate Spot under {@code strategies} (the service's input; null for none). */
    static long spotTasks(Object strategies, long tasks) {
        if (!(strategies instanceof List<?> list) || list.isEmpty()) {
            return 0;
        }
        long spotBase = 0;
        long allBases = 0;
        double spotWeight = 0;
        double allWeights = 0;
        for (Object item : list) {
            Map<?, ?> strategy = (Map<?, ?>) item;
            long base = number(strategy.get("base"));
            double weight = number(strategy.get("weight"));
            boolean spot = SPOT.equals(strategy.get("capacityProvider"));
            allBases += base;
            allWeights += weight;
            if (spot) {
                spotBase += base;
                spotWeight += weight;
            }
        }
        long fromBases = Math.min(tasks, allBases);
        long spot = Math.min(fromBases, spotBase);
        long rest = tasks - fromBases;
        if (rest > 0 && allWeights > 0) {
            spot += Math.round(rest * spotWeight / allWeights);
        }
        return spot;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
