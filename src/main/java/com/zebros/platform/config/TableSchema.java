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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A table's keys and indexes as {@code schema/crm-tables.json} declares them (on the classpath as
 * {@code /crm-tables.json}: the build copies it), read once. A table of {@link CrmTable} the schema lacks, or one the
 * schema has and CrmTable lacks, stops the program before any resource is registered.
 */
record TableSchema(String rangeKey, List<CrmTable.Index> indexes) {
    private static final Map<CrmTable, TableSchema> TABLES = read();

    static TableSchema of(CrmTable table) {
        return TABLES.get(table);
    }

    private static Map<CrmTable, TableSchema> read() {
        JsonObject schema;
        try (InputStream in = TableSchema.class.getResourceAsStream("/crm-tables.json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "crm-tables.json is not on the classpath: the build copies it from schema/");
            }
            schema = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<CrmTable, TableSchema> tables = new EnumMap<>(CrmTable.class);
        for (JsonElement element : schema.getAsJsonArray("tables")) {
            JsonObject table = element.getAsJsonObject();
            String id = table.get("id").getAsString();
            CrmTable declared = java.util.Arrays.stream(CrmTable.values())
                    .filter(t -> t.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("schema/crm-tables.json has a table " + id
                            + " that config/CrmTable does not declare (its capacity goes there)"));
            if (!CrmTable.HASH_KEY.equals(table.get("hashKey").getAsString())) {
                throw new IllegalStateException("the table " + id + " must be partitioned by " + CrmTable.HASH_KEY);
            }
            List<CrmTable.Index> indexes = new ArrayList<>();
            for (JsonElement i : table.getAsJsonArray("indexes")) {
                JsonObject index = i.getAsJsonObject();
                indexes.add(new CrmTable.Index(
                        index.get("name").getAsString(),
                        index.get("hashKey").getAsString(),
                        index.get("rangeKey").getAsString()));
            }
            tables.put(declared, new TableSchema(table.get("rangeKey").getAsString(), List.copyOf(indexes)));
        }
        for (CrmTable table : CrmTable.values()) {
            if (!tables.containsKey(table)) {
                throw new IllegalStateException(
                        "config/CrmTable declares " + table.id() + ", which schema/crm-tables.json does not");
            }
        }
        return tables;
    }
}
