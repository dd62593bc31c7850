package com.zebros.platform.data;

import com.zebros.platform.config.CrmTable;
import com.zebros.platform.data.TableSchema.IndexSchema;
import java.util.List;

/**
 * The tables of the CRM and the access patterns their keys serve. Every partition key starts with
 * the tenant, so a query can only ever reach one tenant's items.
 *
 * <ul>
 *   <li>per tenant, list: the base table, {@code tenantId} + the entity id;</li>
 *   <li>search by name prefix: {@code byName}, {@code begins_with(nameKey, :prefix)};</li>
 *   <li>by customer: {@code byCustomer} on contacts and opportunities;</li>
 *   <li>by stage and by owner: {@code byStage}, {@code byOwner} on opportunities;</li>
 *   <li>timeline by date: {@code timeline} on activities, newest first by {@code occurredKey}.</li>
 * </ul>
 */
public final class CrmSchema {

    public static final List<TableSchema> TABLES = List.of(
            new TableSchema(CrmTable.CUSTOMERS, "tenantId", "customerId", List.of(
                    new IndexSchema("byName", "tenantId", "nameKey"))),
            new TableSchema(CrmTable.CONTACTS, "tenantId", "contactId", List.of(
                    new IndexSchema("byCustomer", "tenantCustomer", "nameKey"),
                    new IndexSchema("byName", "tenantId", "nameKey"))),
            new TableSchema(CrmTable.OPPORTUNITIES, "tenantId", "opportunityId", List.of(
                    new IndexSchema("byStage", "tenantStage", "closeKey"),
                    new IndexSchema("byOwner", "tenantOwner", "closeKey"),
                    new IndexSchema("byCustomer", "tenantCustomer", "closeKey"))),
            new TableSchema(CrmTable.ACTIVITIES, "tenantId", "activityId", List.of(
                    new IndexSchema("timeline", "tenantCustomer", "occurredKey"),
                    new IndexSchema("byOwner", "tenantOwner", "occurredKey"))),
            new TableSchema(CrmTable.JOBS, "tenantId", "jobId", List.of()));

    private CrmSchema() {
    }

    public static TableSchema of(CrmTable table) {
        return TABLES.stream().filter(t -> t.table() == table).findFirst().orElseThrow();
    }
}
