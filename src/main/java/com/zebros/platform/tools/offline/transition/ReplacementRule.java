package com.zebros.platform.tools.offline.transition;

/**
 * One row of the generated replacement table (src/main/resources/replacement/rules.tsv): whether changing an input
 * of a resource type replaces the resource, as terraform-provider-aws declares it.
 *
 * @param type        the Pulumi type token
 * @param inputPath   the Pulumi input path, list elements as {@code []} ({@code globalSecondaryIndexes[].name});
 *                    a path ending {@code .**} stands for everything under it
 * @param replaces    {@code always}, {@code never}, or {@code if:<rule>} for a CustomizeDiff function or plan modifier
 *                    that decides from the old and new values ({@link ConditionalRules})
 * @param terraform   the Terraform resource and attribute path
 * @param source      the Go file that declares it, or the public source of a hand-written row
 */
public record ReplacementRule(String type, String inputPath, String replaces, String terraform, String source) {

    public boolean always() {
        return replaces.equals("always");
    }

    public boolean conditional() {
        return replaces.startsWith("if:");
    }

    /** The CustomizeDiff function or plan modifier of a conditional row. */
    public String condition() {
        return conditional() ? replaces.substring(3) : "";
    }

    /** Whether this row governs the changed input at {@code path} (list indices already written {@code []}). */
    boolean covers(String path) {
        if (inputPath.endsWith(".**")) {
            String prefix = inputPath.substring(0, inputPath.length() - 3);
            return path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "[");
        }
        return path.equals(inputPath) || path.startsWith(inputPath + ".") || path.startsWith(inputPath + "[");
    }

    /** How a reader finds it: the Terraform attribute and the file that declares it. */
    public String citation() {
        return terraform + " (" + source + ")";
    }
}
