package com.zebros.platform.tools.preflight;

/**
 * One input AWS would refuse: the resource, the input, the value, the rule it breaks, where the rule
 * comes from, and how to fix it.
 *
 * @param resource the resource's type and logical name, e.g. {@code aws:dax/cluster:Cluster dax}
 * @param input    the Pulumi input path, e.g. {@code clusterName} or {@code rules[0].priority}
 * @param value    the planned value, shortened
 * @param rule     what the value must be
 * @param source   the AWS API member or documentation page the rule comes from
 * @param fix      what to change, and where
 */
public record Finding(String resource, String input, String value, String rule, String source, String fix) {

    public String describe() {
        return resource + " input " + input + " = " + value + ": " + rule + " [" + source + "]. Fix: " + fix;
    }
}
