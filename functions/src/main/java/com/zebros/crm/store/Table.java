package com.zebros.crm.store;

/**
 * The tables of {@code crm-tables.json} the functions' code reaches (the build copies that file, the one declaration
 * of every table, into the jar): each constant's sort key is read from it, its variable follows the program's naming
 * rule.
 */
public enum Table {
    CUSTOMERS,
    CONTACTS,
    OPPORTUNITIES,
    ACTIVITIES,
    JOBS;

    public static final String TENANT = "tenantId";

    /** The program's one naming rule (its config/CrmTable.environmentVariable): the table's id, upper case, "_TABLE". */
    public String environmentVariable() {
        return variableOf(id());
    }

    /** The variable that carries the physical name of the declared table {@code id}. */
    public static String variableOf(String id) {
        return id.toUpperCase(java.util.Locale.ROOT) + "_TABLE";
    }

    /** The table's sort key: each item's id within its tenant, as crm-tables.json declares it. */
    public String idAttribute() {
        return Schema.ID_ATTRIBUTES.get(this);
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The ids of every table crm-tables.json declares, these and any the functions' code does not reach yet. */
    public static java.util.List<String> declaredIds() {
        return Schema.DECLARED;
    }

    /** crm-tables.json, read once when a table's key is first asked for. */
    private static final class Schema {
        private static final com.google.gson.JsonArray TABLES = read();
        static final java.util.List<String> DECLARED = TABLES.asList().stream()
                .map(t -> t.getAsJsonObject().get("id").getAsString())
                .toList();
        static final java.util.Map<Table, String> ID_ATTRIBUTES = idAttributes();

        private static com.google.gson.JsonArray read() {
            try (var in = Table.class.getResourceAsStream("/crm-tables.json")) {
                if (in == null) {
                    throw new IllegalStateException(
                            "crm-tables.json is not on the classpath: the build copies it from schema/");
                }
                return com.google.gson.JsonParser.parseReader(
                                new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))
                        .getAsJsonObject()
                        .getAsJsonArray("tables");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static java.util.Map<Table, String> idAttributes() {
            java.util.Map<Table, String> keys = new java.util.EnumMap<>(Table.class);
            for (var element : TABLES) {
                var table = element.getAsJsonObject();
                for (Table t : values()) {
                    if (t.id().equals(table.get("id").getAsString())) {
                        keys.put(t, table.get("rangeKey").getAsString());
                    }
                }
            }
            for (Table t : values()) {
                if (!keys.containsKey(t)) {
                    throw new IllegalStateException("the functions' store/Table names " + t.id()
                            + ", which crm-tables.json does not declare: declare it there (schema/crm-tables.json)");
                }
            }
            return java.util.Collections.unmodifiableMap(keys);
        }
    }
}
