package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.zebros.platform.support.StackHarness;
import com.zebros.platform.tools.offline.PlannedResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JSON documents handed to AWS have their keys sorted, so their text is the same in every JVM:
 * otherwise every {@code pulumi up} would see a changed policy, container definition or secret.
 */
class CanonicalJsonTest {

    @Test
    void keysAreSortedAtEveryLevel() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("y", 2);
        inner.put("x", 1);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", "text");
        outer.put("a", List.of(inner));
        assertEquals("{\"a\":[{\"x\":1,\"y\":2}],\"b\":\"text\"}", CanonicalJson.write(outer));
    }

    @Test
    void everyJsonDocumentOfAPlanHasSortedKeys() {
        for (PlannedResource r : StackHarness.plan("prod-us", 3).plan().resources()) {
            for (String input : List.of(
                    "policy", "assumeRolePolicy", "containerDefinitions", "ruleJson", "dashboardBody", "definition")) {
                // The bucket policy and the ECR lifecycle policy are fixed text blocks, not built from maps.
                boolean textBlock = r.type().equals("aws:s3/bucketPolicy:BucketPolicy")
                        || r.type().equals("aws:ecr/lifecyclePolicy:LifecyclePolicy");
                if (r.inputs().get(input) instanceof String text && text.trim().matches("^[\\[{].*") && !textBlock) {
                    List<String> unsorted = new ArrayList<>();
                    collectUnsorted(new Gson().fromJson(text, Object.class), r.name() + "." + input, unsorted);
                    assertEquals(List.of(), unsorted);
                }
            }
        }
    }

    /** Gson keeps an object's keys in the order of the text, so the text's order can be checked. */
    private static void collectUnsorted(Object value, String where, List<String> unsorted) {
        if (value instanceof Map<?, ?> map) {
            List<String> keys = map.keySet().stream().map(String::valueOf).toList();
            if (!keys.equals(keys.stream().sorted().toList())) {
                unsorted.add(where + " " + keys);
            }
            map.forEach((k, v) -> collectUnsorted(v, where + "." + k, unsorted));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collectUnsorted(v, where + "[]", unsorted));
        }
    }
}
