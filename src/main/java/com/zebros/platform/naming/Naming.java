package com.zebros.platform.naming;

import com.pulumi.core.Output;

/**
 * Physical names of AWS resources. Logical (Pulumi) names are short and phase-independent; the
 * names AWS sees carry the stack so that two stacks in one account and region never collide,
 * and the region where AWS wants uniqueness across regions (Aurora identifiers, buckets).
 */
public final class Naming {
    private final String stack;
    private final String region;

    public Naming(String stack, String region) {
        this.stack = stack;
        this.region = region;
    }

    /** {@code zebros-<stack>-<suffix>}: unique within an account and region. */
    public String physical(String suffix) {
        return "zebros-" + stack + "-" + suffix;
    }

    /**
     * A physical name for services with short limits (DAX: 20 characters). The full name when it fits;
     * otherwise the stack is shortened, and a hash of it keeps two long stack names apart.
     */
    public String compact(String suffix, int maxLength) {
        String full = physical(suffix);
        if (full.length() <= maxLength) {
            return full;
        }
        String hash = Integer.toHexString(stack.hashCode() & 0xfff);
        int room = maxLength - ("z-" + "-" + hash + "-" + suffix).length();
        return "z-" + stack.substring(0, Math.max(1, room)).replaceAll("-+$", "") + "-" + hash + "-" + suffix;
    }

    /**
     * {@code zebros-<stack>-<suffix>-<region>}: unique across regions too
     * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.configuration.requirements.html).
     */
    public String regional(String suffix) {
        return physical(suffix) + "-" + region;
    }

    /**
     * Bucket names are global across all accounts: add the account id
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
     */
    public Output<String> bucket(String suffix, Output<String> accountId) {
        return accountId.applyValue(account -> physical(suffix) + "-" + account + "-" + region);
    }

    public String stack() {
        return stack;
    }

    public String region() {
        return region;
    }
}
