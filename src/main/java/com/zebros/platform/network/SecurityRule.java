package com.zebros.platform.network;

import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.function.Consumer;

/**
 * One rule of a security group as data: which way, one TCP port (or every protocol), the peer (an address range
 * or another group) and why. {@link #create} turns a list of them into the VPC rule resources, one each, so every
 * group's rules read as a list where the group is made.
 *
 * @param port a TCP port, or null for every protocol and port
 */
public record SecurityRule(
        String name, boolean inbound, Integer port, Output<String> cidr, Output<String> group, String description) {

    public static SecurityRule inFrom(String name, int port, Output<String> group, String description) {
        return new SecurityRule(name, true, port, null, group, description);
    }

    public static SecurityRule outTo(String name, int port, Output<String> group, String description) {
        return new SecurityRule(name, false, port, null, group, description);
    }

    public static SecurityRule inFromRange(String name, int port, Output<String> cidr, String description) {
        return new SecurityRule(name, true, port, cidr, null, description);
    }

    public static SecurityRule outToRange(String name, int port, Output<String> cidr, String description) {
        return new SecurityRule(name, false, port, cidr, null, description);
    }

    /** Every protocol and port from an address range (what a NAT instance forwards). */
    public static SecurityRule allFromRange(String name, Output<String> cidr, String description) {
        return new SecurityRule(name, true, null, cidr, null, description);
    }

    /** Every protocol and port to an address range. */
    public static SecurityRule allToRange(String name, Output<String> cidr, String description) {
        return new SecurityRule(name, false, null, cidr, null, description);
    }

    /** Anywhere on the internet. */
    public static Output<String> anywhere() {
        return Output.of("0.0.0.0/0");
    }

    /** The rule resources of {@code rules} on the group {@code securityGroupId}. */
    public static void create(Output<String> securityGroupId, List<SecurityRule> rules, CustomResourceOptions options) {
        for (SecurityRule rule : rules) {
            if (rule.inbound()) {
                var args = SecurityGroupIngressRuleArgs.builder().securityGroupId(securityGroupId);
                rule.describe(
                        args::ipProtocol,
                        args::fromPort,
                        args::toPort,
                        args::referencedSecurityGroupId,
                        args::cidrIpv4,
                        args::description);
                new SecurityGroupIngressRule(rule.name(), args.build(), options);
            } else {
                var args = SecurityGroupEgressRuleArgs.builder().securityGroupId(securityGroupId);
                rule.describe(
                        args::ipProtocol,
                        args::fromPort,
                        args::toPort,
                        args::referencedSecurityGroupId,
                        args::cidrIpv4,
                        args::description);
                new SecurityGroupEgressRule(rule.name(), args.build(), options);
            }
        }
    }

    /** Sets this rule's fields through an ingress or egress builder's setters (the two share no type). */
    private void describe(
            Consumer<String> protocol,
            Consumer<Integer> from,
            Consumer<Integer> to,
            Consumer<Output<String>> referencedGroup,
            Consumer<Output<String>> range,
            Consumer<String> why) {
        protocol.accept(port == null ? "-1" : "tcp");
        if (port != null) {
            from.accept(port);
            to.accept(port);
        }
        if (group != null) {
            referencedGroup.accept(group);
        } else {
            range.accept(cidr);
        }
        why.accept(description);
    }
}
