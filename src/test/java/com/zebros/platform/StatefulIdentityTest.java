package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.Plan;
import com.zebros.platform.tools.offline.transition.Problem;
import com.zebros.platform.tools.offline.transition.StatefulTypes;
import com.zebros.platform.tools.offline.transition.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every stack and every pair of phases, skips included ({@code promote --allow-skip}): {@code pulumi up} between
 * them replaces or deletes no table, cluster, bucket or key, by the provider's replacement rules.
 */
class StatefulIdentityTest {

    static Stream<Arguments> stacksAndPhasePairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (String stack : StackHarness.STACKS) {
            for (int from = 0; from <= 3; from++) {
                for (int to = 0; to <= 3; to++) {
                    if (from != to) {
                        pairs.add(Arguments.of(stack, from, to));
                    }
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0}: phase {1} → {2}")
    @MethodSource("stacksAndPhasePairs")
    void statefulResourcesKeepTheirIdentity(String stack, int from, int to) {
        Plan before = StackHarness.rawPlan(stack, from);
        Plan after = StackHarness.rawPlan(stack, to);
        Transition transition = Transition.simulate(before, after);
        assertEquals(List.of(), transition.problemsOf(Problem.Kind.DATA_LOSS));
        assertEquals(List.of(), transition.problemsOf(Problem.Kind.PROTECTED));
        long stateful = before.resources().stream()
                .filter(r -> StatefulTypes.holdsData(r.type()))
                .count();
        assertTrue(stateful >= 4, "the bucket, the cluster and keys at least: " + stateful);
    }
}
