package com.zebros.crm.store;

/**
 * The CRM's tables as the functions reach them: the environment variable the program sets with
 * each physical name, and the key names (the same as {@code crm-tables.json}, which a test holds
 * them to, and which the platform program's tests hold its table definitions to).
 */
public enum Table {
    CUSTOMERS("CUSTOMERS_TABLE", "customerId"),
    CONTACTS("CONTACTS_TABLE", "contactId"),
    OPPORTUNITIES("OPPORTUNITIES_TABLE", "opportunityId"),
    ACTIVITIES("ACTIVITIES_TABLE", "activityId"),
    JOBS("JOBS_TABLE", "jobId");

    public static final String TENANT = "tenantId";

    private final String environmentVariable;
    private final String idAttribute;

    Table(String environmentVariable, String idAttribute) {
        this.environmentVariable = environmentVariable;
        this.idAttribute = idAttribute;
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    public String idAttribute() {
        return idAttribute;
    }

    public String id() {
        return name().toLowerCase();
    }
}
