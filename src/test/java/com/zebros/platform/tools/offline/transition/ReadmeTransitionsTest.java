package com.zebros.platform.tools.offline.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.Promotion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * docs/promote.md's table of what each promotion step does under {@code pulumi up} is this simulation's output: the test
 * regenerates it and fails when the page differs ({@code -Dreadme.update=true} writes it).
 */
class ReadmeTransitionsTest {
    private static final Path README = Path.of("docs/promote.md");
    private static final String START = "<!-- transitions -->";
    private static final String END = "<!-- /transitions -->";

    static String table() {
        List<String> rows = new ArrayList<>();
        rows.add("| stack | step | updated in place | replaced | created | deleted | cold caches |");
        rows.add("|---|---|---|---|---|---|---|");
        for (String stack : StackHarness.STACKS) {
            for (int[] step : new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 2}, {2, 1}, {1, 0}}) {
                List<Promotion> promotions = TransitionsTest.promotions(stack, step[0], step[1]);
                for (int i = 0; i < promotions.size(); i++) {
                    Transition t = promotions.get(i).transition();
                    var counts = t.counts();
                    rows.add("| " + stack + " | " + step[0] + " → " + step[1]
                            + (promotions.size() > 1 ? (i == 0 ? " (Redis compatible)" : " (Redis enabled)") : "")
                            + " | "
                            + counts.get(Step.Kind.UPDATE) + " | " + replaced(t) + " | " + counts.get(Step.Kind.CREATE)
                            + " | " + counts.get(Step.Kind.DELETE) + " | " + caches(t) + " |");
                }
            }
        }
        return String.join("\n", rows);
    }

    private static String replaced(Transition t) {
        Map<String, Integer> byType = new TreeMap<>();
        t.ofKind(Step.Kind.CREATE_REPLACEMENT)
                .forEach(s -> byType.merge(s.resource().type().split(":")[1], 1, Integer::sum));
        if (byType.isEmpty()) {
            return "0";
        }
        List<String> parts = new ArrayList<>();
        byType.forEach((type, n) -> parts.add(n + " " + type));
        return t.ofKind(Step.Kind.CREATE_REPLACEMENT).size() + " (" + String.join(", ", parts) + ")";
    }

    private static String caches(Transition t) {
        List<String> lines = new ArrayList<>();
        for (Step s : t.steps()) {
            if (StatefulTypes.isCache(s.resource().type())
                    && (s.kind() == Step.Kind.CREATE || s.kind() == Step.Kind.CREATE_REPLACEMENT)) {
                lines.add(s.resource().name() + (s.kind() == Step.Kind.CREATE ? " new" : " replaced") + ", "
                        + (s.resource().type().endsWith("Cluster")
                                ? CacheWarmth.DAX_TTL_SECONDS / 60 + " min"
                                : CacheWarmth.REDIS_TTL_SECONDS / 60 + " min"));
            }
        }
        return lines.isEmpty() ? "" : String.join("; ", lines);
    }

    @Test
    void readmeShowsWhatEachStepDoes() throws IOException {
        String text = Files.readString(README, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        String now = table();
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(
                    README,
                    text.substring(0, start + START.length()) + "\n" + now + "\n" + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(
                now,
                text.substring(start + START.length(), end).strip(),
                "docs/promote.md's transitions table is stale: mvn test -Dtest=ReadmeTransitionsTest -Dreadme.update=true");
    }
}
