package com.zebros.platform.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code schema/crm-tables.json} (on the classpath as {@code /crm-tables.json}: the build copies it) into the
 * tables of {@link CrmTable}, once. A table the program cannot deploy as declared (not partitioned by the tenant, a
 * name twice, a capacity range upside down) stops the program with an error naming the table and the rule.
 */
final class TableSchema {
    private static final String FILE = "schema/crm-tables.json";

    private TableSchema() {}

    static List<CrmTable> read() {
        try (InputStream in = TableSchema.class.getResourceAsStream("/crm-tables.json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "crm-tables.json is not on the classpath: the build copies it from schema/");
            }
            return parse(JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CrmTable> parse(JsonObject schema) {
        List<CrmTable> tables = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonElement element : schema.getAsJsonArray("tables")) {
            JsonObject table = element.getAsJsonObject();
            String id = table.get("id").getAsString();
            if (!id.matches("[a-z][a-z0-9]*") || !ids.add(id)) {
                throw new IllegalStateException(FILE + " has the table id \"" + id
                        + "\": each id is lower-case letters and digits (it names resources and the <ID>_TABLE"
                        + " variable), once");
            }
            if (!CrmTable.HASH_KEY.equals(table.get("hashKey").getAsString())) {
                throw new IllegalStateException(
                        FILE + ": the table " + id + " must be partitioned by " + CrmTable.HASH_KEY);
            }
            List<CrmTable.Index> indexes = new ArrayList<>();
            for (JsonElement i : table.getAsJsonArray("indexes")) {
                JsonObject index = i.getAsJsonObject();
                indexes.add(new CrmTable.Index(
                        index.get("name").getAsString(),
                        index.get("hashKey").getAsString(),
                        index.get("rangeKey").getAsString()));
            }
            tables.add(new CrmTable(id, table.get("rangeKey").getAsString(), indexes, capacity(id, table)));
        }
        return List.copyOf(tables);
    }

    private static Optional<Range> capacity(String id, JsonObject table) {
        if (!table.has("capacity")) {
            return Optional.empty();
        }
        JsonObject capacity = table.getAsJsonObject("capacity");
        double min = capacity.get("minUnits").getAsDouble();
        double max = capacity.get("maxUnits").getAsDouble();
        if (!(min >= 1 && max >= min)) {
            throw new IllegalStateException(FILE + ": the table " + id + " has the capacity " + min + ".." + max
                    + "; minUnits is at least 1 and maxUnits at least minUnits (leave capacity out for on demand)");
        }
        return Optional.of(new Range(min, max));
    }
}
