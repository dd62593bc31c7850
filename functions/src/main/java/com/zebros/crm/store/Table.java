package com.zebros.crm.store;

/**
 * The tables of {@code crm-tables.json} the functions' code reaches: the environment variable the
 * program sets with each physical name, and the key names (the same as {@code crm-tables.json}, which a test holds
 * them to, and which the platform program's tests hold its table definitions to).
 */
public enum Table {
    CUSTOMERS("customerId"),
    CONTACTS("contactId"),
    OPPORTUNITIES("opportunityId"),
    ACTIVITIES("activityId"),
    JOBS("jobId");

    public static final String TENANT = "tenantId";

    private final String idAttribute;

    Table(String idAttribute) {
        this.idAttribute = idAttribute;
    }

    /** The program's one naming rule (its config/CrmTable.environmentVariable): the table's id, upper case, "_TABLE". */
    public String environmentVariable() {
        return variableOf(id());
    }

    /** The variable that carries the physical name of the declared table {@code id}. */
    public static String variableOf(String id) {
        return id.toUpperCase(java.util.Locale.ROOT) + "_TABLE";
    }

    public String idAttribute() {
        return idAttribute;
    }

    public String id() {
        return name().toLowerCase();
    }

    /**
     * The ids of every table {@code crm-tables.json} declares (the build copies it into the jar), these and any the
     * functions' code does not reach yet: the program gives each its variable and, provisioned, a capacity ceiling.
     */
    public static java.util.List<String> declaredIds() {
        try (var in = Table.class.getResourceAsStream("/crm-tables.json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "crm-tables.json is not on the classpath: the build copies it from schema/");
            }
            var tables = com.google.gson.JsonParser.parseReader(
                            new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))
                    .getAsJsonObject()
                    .getAsJsonArray("tables");
            return tables.asList().stream()
                    .map(t -> t.getAsJsonObject().get("id").getAsString())
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
