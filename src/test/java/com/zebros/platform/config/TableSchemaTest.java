package com.zebros.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The schema as the program reads it, and a clear stop on a table it could not deploy as declared. */
class TableSchemaTest {
    private static List<CrmTable> parse(String tables) {
        return TableSchema.parse(
                JsonParser.parseString("{\"tables\": [" + tables + "]}").getAsJsonObject());
    }

    @Test
    void aTableIsItsKeysIndexesAndCapacity() {
        CrmTable notes = parse("{\"id\": \"notes\", \"capacity\": {\"minUnits\": 10, \"maxUnits\": 40},"
                        + " \"hashKey\": \"tenantId\", \"rangeKey\": \"noteId\", \"indexes\": [{\"name\": \"byCustomer\","
                        + " \"hashKey\": \"tenantCustomer\", \"rangeKey\": \"createdKey\"}]}")
                .get(0);
        assertEquals("NOTES_TABLE", notes.environmentVariable());
        assertEquals(Optional.of(new Range(10, 40)), notes.capacity());
        assertEquals(List.of("tenantId", "noteId", "tenantCustomer", "createdKey"), List.copyOf(notes.keyAttributes()));
        assertEquals(
                Optional.empty(),
                parse("{\"id\": \"logs\", \"hashKey\": \"tenantId\", \"rangeKey\": \"logId\", \"indexes\": []}")
                        .get(0)
                        .capacity(),
                "no capacity: on demand");
    }

    @Test
    void aTableTheProgramCannotDeployStopsItNamingTheTableAndTheRule() {
        String keys = "\"hashKey\": \"tenantId\", \"rangeKey\": \"id\", \"indexes\": []";
        for (String[] bad : new String[][] {
            {"{\"id\": \"Notes\", " + keys + "}", "lower-case"},
            {"{\"id\": \"notes\", " + keys + "}, {\"id\": \"notes\", " + keys + "}", "once"},
            {"{\"id\": \"notes\", \"hashKey\": \"noteId\", \"rangeKey\": \"id\", \"indexes\": []}", "tenantId"},
            {"{\"id\": \"notes\", \"capacity\": {\"minUnits\": 40, \"maxUnits\": 10}, " + keys + "}", "minUnits"},
            {"{\"id\": \"notes\", \"capacity\": {\"minUnits\": 0, \"maxUnits\": 10}, " + keys + "}", "at least 1"}
        }) {
            var e = assertThrows(IllegalStateException.class, () -> parse(bad[0]), bad[0]);
            assertTrue(
                    e.getMessage().contains("schema/crm-tables.json")
                            && e.getMessage().contains(bad[1]),
                    e.getMessage());
        }
    }

    @Test
    void theTablesTheProgramNamesAreTheSchemasFirstFive() {
        assertEquals(
                List.of(
                        CrmTable.CUSTOMERS,
                        CrmTable.CONTACTS,
                        CrmTable.OPPORTUNITIES,
                        CrmTable.ACTIVITIES,
                        CrmTable.JOBS),
                CrmTable.values());
        assertEquals(
                List.of("customers", "contacts", "opportunities", "activities"),
                CrmTable.items().stream().map(CrmTable::id).toList());
    }

    /** What the fresh JVM runs: the first read of the tables, and what it threw. */
    public static final class FirstRead {
        public static void main(String[] args) {
            try {
                System.out.println(CrmTable.values());
            } catch (ExceptionInInitializerError e) {
                System.out.println("refused: " + e.getCause().getMessage());
            }
            Runtime.getRuntime().halt(0);
        }
    }

    /** A schema without a table the program names (here the jobs table) stops it at its first read of the tables. */
    @Test
    void aSchemaWithoutATableTheProgramNamesStopsItNamingTheTable(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var schema = JsonParser.parseString(
                        java.nio.file.Files.readString(java.nio.file.Path.of("schema/crm-tables.json")))
                .getAsJsonObject();
        var tables = schema.getAsJsonArray("tables");
        for (int i = tables.size() - 1; i >= 0; i--) {
            if (tables.get(i).getAsJsonObject().get("id").getAsString().equals("jobs")) {
                tables.remove(i);
            }
        }
        java.nio.file.Files.writeString(dir.resolve("crm-tables.json"), schema.toString());
        java.nio.file.Path log = dir.resolve("child.log");
        com.zebros.platform.support.StackHarness.runJava(dir, FirstRead.class, log);
        String out = java.nio.file.Files.readString(log);
        assertTrue(out.contains("refused: schema/crm-tables.json has no table jobs"), out);
    }
}
