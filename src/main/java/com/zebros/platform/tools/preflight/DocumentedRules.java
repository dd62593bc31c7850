package com.zebros.platform.tools.preflight;

import java.util.ArrayList;
import java.util.List;

/**
 * The second table: rules AWS enforces that its API models do not state, each citing the AWS (or
 * provider) page it comes from. Names, values, cross-field combinations and JSON documents.
 */
final class DocumentedRules {
    private static final List<DocumentedRule> ALL = build();

    private DocumentedRules() {}

    static List<DocumentedRule> all() {
        return ALL;
    }

    private static List<DocumentedRule> build() {
        List<DocumentedRule> rules = new ArrayList<>();
        rules.addAll(NameRules.all());
        rules.addAll(ValueRules.all());
        rules.addAll(CrossFieldRules.all());
        rules.addAll(DocumentRules.all());
        return List.copyOf(rules);
    }
}
