package com.zebros.platform.tools.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** cost/prices.tsv fills each price by its name; a price missing, repeated or unknown is refused, naming it. */
class PriceTableTest {
    private static List<String> lines() throws Exception {
        return Files.readAllLines(Path.of("src/main/resources/cost/prices.tsv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
    }

    @Test
    void eachPriceIsTheOneItsNameCarries() throws Exception {
        for (String line : lines().subList(1, lines().size())) {
            String[] cells = line.split("\t");
            var method = PriceTable.class.getMethod(cells[0]);
            assertEquals(Double.parseDouble(cells[1]), method.invoke(PriceTable.of("us-east-1")), cells[0]);
            assertEquals(Double.parseDouble(cells[2]), method.invoke(PriceTable.of("eu-west-1")), cells[0]);
        }
        assertThrows(IllegalArgumentException.class, () -> PriceTable.of("ap-south-1"), "a region without prices");
    }

    @Test
    void aPriceMissingRepeatedOrUnknownIsRefused() throws Exception {
        List<String> missing = new ArrayList<>(lines());
        String dropped = missing.remove(5).split("\t")[0];
        List<String> repeated = new ArrayList<>(lines());
        repeated.add(repeated.get(3));
        List<String> unknown = new ArrayList<>(lines());
        unknown.add("teleportHour\t1\t1");
        for (var bad : List.of(missing, repeated, unknown)) {
            var e = assertThrows(IllegalStateException.class, () -> PriceTable.parse(bad));
            assertTrue(e.getMessage().startsWith("cost/prices.tsv"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalStateException.class, () -> PriceTable.parse(missing))
                .getMessage()
                .contains(dropped));
    }
}
