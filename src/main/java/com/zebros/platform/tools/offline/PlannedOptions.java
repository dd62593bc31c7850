package com.zebros.platform.tools.offline;

import java.util.List;

/**
 * The resource options a registration carried on the wire, which Pulumi's mock engine never hands the mocks
 * (https://www.pulumi.com/docs/reference/pkg/java/com/pulumi/test/Mocks.ResourceArgs.html) but the engine acts on:
 * the transition simulator reads them to order a replacement and to follow a resource that moved.
 *
 * @param protect             the engine refuses to delete or replace it (https://www.pulumi.com/docs/iac/concepts/options/protect/)
 * @param deleteBeforeReplace a replacement deletes the old resource first
 *                            (https://www.pulumi.com/docs/iac/concepts/options/deletebeforereplace/)
 * @param aliases             URNs it was known by before; the engine treats a match as the same resource
 *                            (https://www.pulumi.com/docs/iac/concepts/options/aliases/)
 * @param ignoreChanges       input paths whose changes the engine ignores
 *                            (https://www.pulumi.com/docs/iac/concepts/options/ignorechanges/)
 * @param replaceOnChanges    input paths whose changes the engine turns into a replacement
 *                            (https://www.pulumi.com/docs/iac/concepts/options/replaceonchanges/)
 * @param retainOnDelete      a delete removes it from the stack only, leaving it in AWS
 *                            (https://www.pulumi.com/docs/iac/concepts/options/retainondelete/)
 */
public record PlannedOptions(
        boolean protect,
        boolean deleteBeforeReplace,
        List<String> aliases,
        List<String> ignoreChanges,
        List<String> replaceOnChanges,
        boolean retainOnDelete) {
    public static final PlannedOptions NONE = new PlannedOptions(false, false, List.of(), List.of(), List.of(), false);

    public PlannedOptions {
        aliases = List.copyOf(aliases);
        ignoreChanges = List.copyOf(ignoreChanges);
        replaceOnChanges = List.copyOf(replaceOnChanges);
    }

    public boolean isDefault() {
        return equals(NONE);
    }

    /** The options that differ from the engine's defaults, by their Pulumi names: what a plan line shows. */
    public java.util.Map<String, Object> asMap() {
        java.util.Map<String, Object> set = new java.util.TreeMap<>();
        if (protect) {
            set.put("protect", true);
        }
        if (deleteBeforeReplace) {
            set.put("deleteBeforeReplace", true);
        }
        if (!aliases.isEmpty()) {
            set.put("aliases", aliases);
        }
        if (!ignoreChanges.isEmpty()) {
            set.put("ignoreChanges", ignoreChanges);
        }
        if (!replaceOnChanges.isEmpty()) {
            set.put("replaceOnChanges", replaceOnChanges);
        }
        if (retainOnDelete) {
            set.put("retainOnDelete", true);
        }
        return set;
    }
}
