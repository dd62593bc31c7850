package com.zebros.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedOutputsTest {
    private static <T> T valueOf(Output<T> output) {
        return Internal.of(output).getValueNullable().join();
    }

    @Test
    void valuesAreReadBackByTheirNamesWhateverTheOrderTheyWerePutIn() {
        Map<String, Output<String>> tasks = new LinkedHashMap<>();
        tasks.put("report", Output.of("arn:report"));
        tasks.put("import", Output.of("arn:import"));
        Output<String> joined = new NamedOutputs()
                .put("subnets", Output.of(List.of("a", "b")))
                .putAll("task", tasks)
                .put("cluster", Output.of("arn:cluster"))
                .apply(v -> v.string("cluster") + " " + v.list("subnets") + " " + v.strings("task"));
        assertEquals("arn:cluster [a, b] {report=arn:report, import=arn:import}", valueOf(joined));
    }

    @Test
    void aSecretAmongTheValuesKeepsTheResultSecret() {
        Output<String> result = new NamedOutputs()
                .put("plain", Output.of("x"))
                .put("hidden", Output.ofSecret("y"))
                .apply(v -> v.string("plain") + v.string("hidden"));
        assertTrue(Internal.of(result).isSecret().join());
    }

    @Test
    void aNameGivenTwiceOrNeverGivenIsRefusedWithTheNamesThereAre() {
        var named = new NamedOutputs().put("cluster", Output.of("c"));
        assertThrows(IllegalArgumentException.class, () -> named.put("cluster", Output.of("d")));
        var error = assertThrows(
                java.util.concurrent.CompletionException.class,
                () -> valueOf(named.apply(v -> v.string("clusterArn"))));
        assertTrue(
                error.getCause().getMessage().contains("no value named clusterArn; named: [cluster]"),
                error.getCause().getMessage());
    }

    @Test
    void resolveKeepsTheMapsOrder() {
        Map<String, Output<String>> values = new LinkedHashMap<>();
        values.put("Z_TABLE", Output.of("z"));
        values.put("A_TABLE", Output.of("a"));
        assertEquals(
                List.of("Z_TABLE", "A_TABLE"),
                List.copyOf(valueOf(NamedOutputs.resolve(values)).keySet()));
    }
}
