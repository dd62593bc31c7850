package com.zebros.platform.tools.offline.transition;

import com.zebros.platform.AwsTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * What a transition costs the caches: a cache that is created or replaced starts empty, and until it has seen the
 * reads it serves, they go to DynamoDB (both caches are optional at every phase: DESIGN.md). Cache contents are
 * data for the availability they give, so a promotion says how long a new cache stays colder than the old one: one
 * TTL of its items, because the old cache held nothing older either.
 */
public final class CacheWarmth {
    /** DAX's item and query TTL, the parameter group's {@code record-ttl-millis} and {@code query-ttl-millis}. */
    static final int DAX_TTL_SECONDS = Integer.parseInt(com.zebros.platform.data.Dax.TTL_MILLIS) / 1000;
    /** The functions' Redis item TTL (functions/ RedisItemCache.TTL_SECONDS; CacheWarmthTest reads it there). */
    static final int REDIS_TTL_SECONDS = 300;

    private CacheWarmth() {}

    /** One line for each cache a transition creates or replaces. */
    public static List<String> of(Transition transition) {
        List<String> lines = new ArrayList<>();
        for (Step step : transition.steps()) {
            if (!StatefulTypes.isCache(step.resource().type())) {
                continue;
            }
            if (step.kind() == Step.Kind.CREATE_REPLACEMENT) {
                lines.add(describe(step) + " is replaced (" + String.join("; ", step.reasons()) + "): "
                        + (step.after().options().deleteBeforeReplace()
                                ? "it is deleted first, so reads go to "
                                        + "DynamoDB until the new one is available; then "
                                : "the old one serves until the functions " + "point at the new one; from then ")
                        + "the new cache starts empty and is as warm as the old "
                        + "one after " + ttl(step) + ", one TTL of its items");
            } else if (step.kind() == Step.Kind.CREATE) {
                lines.add(describe(step) + " is new and starts empty: reads go to DynamoDB until it has served them,"
                        + " about " + ttl(step));
            }
        }
        return lines;
    }

    private static String describe(Step step) {
        return (step.resource().type().equals(AwsTypes.DAX_CLUSTER) ? "the DAX cluster " : "the Redis cache ")
                + step.resource().name();
    }

    private static String ttl(Step step) {
        int seconds = step.resource().type().equals(AwsTypes.DAX_CLUSTER) ? DAX_TTL_SECONDS : REDIS_TTL_SECONDS;
        return seconds % 60 == 0 ? (seconds / 60) + (seconds == 60 ? " minute" : " minutes") : seconds + " s";
    }
}
