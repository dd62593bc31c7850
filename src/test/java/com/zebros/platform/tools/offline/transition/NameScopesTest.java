package com.zebros.platform.tools.offline.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.support.StackHarness;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every type the stacks plan says which of its names AWS keeps unique and what a create under a taken name does,
 * citing the AWS page; every identity input is one the type's SDK Args class has.
 */
class NameScopesTest {
    private final NameScopes scopes = NameScopes.load();

    @Test
    void everyPlannedTypeHasANameScopeCitingItsAwsPage() {
        Set<String> missing = new TreeSet<>();
        for (String stack : StackHarness.STACKS) {
            for (int phase = 0; phase <= 3; phase++) {
                StackHarness.rawPlan(stack, phase).resources().stream()
                        .filter(r -> !r.isComponent())
                        .filter(r -> !scopes.knows(r.type()))
                        .forEach(r -> missing.add(r.type()));
            }
        }
        assertEquals(Set.of(), missing, "add each to src/main/resources/replacement/name-scopes.tsv");
    }

    @Test
    void everyRowCitesAPublicPageAndNamesRealInputs() {
        for (String stack : StackHarness.STACKS) {
            StackHarness.rawPlan(stack, 3).resources().stream()
                    .filter(r -> !r.isComponent())
                    .map(r -> r.type())
                    .distinct()
                    .forEach(type -> {
                        var scope = scopes.scopeOf(type).orElseThrow();
                        assertTrue(scope.source().startsWith("https://"), type + ": " + scope.source());
                        assertTrue(
                                Set.of("refuses", "overwrites", "none", "revision", "refuses-unless-allowOverwrite")
                                        .contains(scope.onTaken()),
                                type + ": " + scope.onTaken());
                        var inputs = SdkArgs.inputNames(SdkArgs.argsOf(type));
                        for (String input : scope.identity()) {
                            String name = input.startsWith("?") ? input.substring(1) : input;
                            assertTrue(name.equals("@region") || inputs.contains(name), type + " has no input " + name);
                        }
                    });
        }
    }
}
