package com.zebros.platform.tools.offline.transition;

import com.zebros.platform.tools.offline.PlannedResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes the provider would make in place that AWS refuses (src/main/resources/replacement/refused-updates.tsv, each
 * row citing the AWS page): Redis cannot leave cluster mode once in it, so a step down that plans it stops
 * {@code pulumi up} there.
 */
final class RefusedUpdates {
    private record Row(String type, String input, String from, String to, String source) {}

    private static volatile List<Row> rows;

    private RefusedUpdates() {}

    /** Why AWS refuses the update of {@code before} into {@code after}, if it does. */
    static Optional<String> refusal(PlannedResource before, PlannedResource after) {
        for (Row row : rows()) {
            if (!row.type().equals(after.type())) {
                continue;
            }
            Object was = before.inputs().get(row.input());
            Object is = after.inputs().get(row.input());
            if (Objects.equals(was, is) || !row.from().equals(String.valueOf(was))) {
                continue;
            }
            if (row.to().equals("*") || row.to().equals(String.valueOf(is))) {
                return Optional.of(row.input() + ": " + was + " → " + is + " is refused by AWS (" + row.source() + ")");
            }
        }
        return Optional.empty();
    }

    private static List<Row> rows() {
        if (rows == null) {
            List<Row> loaded = new ArrayList<>();
            try (InputStream in = RefusedUpdates.class.getResourceAsStream("/replacement/refused-updates.tsv")) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        String[] cells = line.split("\t", -1);
                        loaded.add(new Row(cells[0], cells[1], cells[2], cells[3], cells[4]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows = loaded;
        }
        return rows;
    }
}
