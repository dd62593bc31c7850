package com.zebros.platform.tools.runbook;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which AWS regions a runbook command depends on, read from the command itself: an AWS CLI call depends on the region
 * it names with {@code --region} (a regional call without one is an error: it would go wherever the operator's
 * profile points); a Route 53 call depends on Route 53's control plane, which runs in us-east-1 while its data plane
 * (the DNS answers and health checks) is global
 * (https://aws.amazon.com/blogs/networking-and-content-delivery/creating-disaster-recovery-mechanisms-using-amazon-route-53/);
 * {@code pulumi} on a stack depends on that stack's region; {@code curl} of a shared name depends on DNS only.
 */
public final class RegionsTouched {
    /** Route 53's control plane (changing records and health checks) is in us-east-1. */
    public static final String ROUTE53_CONTROL_PLANE = "us-east-1";

    private static final Pattern REGION = Pattern.compile("--region ([a-z0-9-]+)");
    private static final Pattern STACK = Pattern.compile("--stack ([A-Za-z0-9_.-]+)");

    private final Map<String, String> stackRegions;

    /** @param stackRegions each stack's region, for the {@code pulumi} commands */
    public RegionsTouched(Map<String, String> stackRegions) {
        this.stackRegions = Map.copyOf(stackRegions);
    }

    /** Every region {@code step}'s command and verification depend on. */
    public Set<String> of(Step step) {
        Set<String> regions = new TreeSet<>();
        for (String line : new String[] {step.command(), step.verify()}) {
            for (String command : line.split(" && ")) {
                regions.addAll(ofCommand(command.strip()));
            }
        }
        return regions;
    }

    Set<String> ofCommand(String command) {
        Set<String> regions = new TreeSet<>();
        if (command.isEmpty()
                || command.startsWith("curl ")
                || command.startsWith("grep ")
                || command.startsWith("mvn ")) {
            return regions;
        }
        if (command.startsWith("aws route53 ")) {
            regions.add(ROUTE53_CONTROL_PLANE);
            return regions;
        }
        if (command.startsWith("aws ")) {
            Matcher region = REGION.matcher(command);
            if (!region.find()) {
                throw new IllegalStateException("a regional AWS command without --region: " + command);
            }
            regions.add(region.group(1));
            return regions;
        }
        if (command.startsWith("pulumi ")) {
            Matcher stack = STACK.matcher(command);
            if (stack.find() && stackRegions.containsKey(stack.group(1))) {
                regions.add(stackRegions.get(stack.group(1)));
                return regions;
            }
        }
        throw new IllegalStateException("a command whose region is unknown: " + command);
    }
}
