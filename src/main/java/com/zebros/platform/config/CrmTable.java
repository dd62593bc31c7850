package com.zebros.platform.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The DynamoDB tables of the CRM, each with its keys, its indexes and its provisioned capacity: the one place a
 * table is declared (docs/maintainers.md). The table's encryption, backups, stream, replicas in a region pair,
 * auto-scaling, the functions' {@code <TABLE>_TABLE} variable, the dashboard and the cost estimate follow from it.
 *
 * <p>A table's name, keys and index keys force a replacement of the whole (global) table when they change
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table), so they are constants
 * here, never config. Every partition key starts with the tenant, so a query can only ever reach one tenant's items.
 * The access patterns the keys serve:
 * <ul>
 *   <li>per tenant, list: the base table, {@code tenantId} + the entity id;</li>
 *   <li>search customers by name prefix: {@code byName}, {@code begins_with(nameKey, :prefix)}; by domain prefix:
 *   {@code byDomain}; contacts by e-mail prefix: {@code byEmail} (both sparse);</li>
 *   <li>by customer: {@code byCustomer} on contacts and opportunities;</li>
 *   <li>by stage and by owner: {@code byStage}, {@code byOwner} on opportunities;</li>
 *   <li>the lists' combined filters and sorts: customers by industry, owner, created and updated time;
 *   opportunities by close date, owner and stage, amount per currency (and stage), updated time (functions:
 *   Listings);</li>
 *   <li>timeline by date: {@code timeline} on activities, newest first by {@code occurredKey};</li>
 *   <li>a user's open tasks by due time: {@code openTasks} on activities, sparse.</li>
 * </ul>
 */
public enum CrmTable {
    CUSTOMERS(
            "customerId",
            provisioned(25, 100),
            new Index("byName", "tenantId", "nameKey"),
            // Sparse: customers with a domain, for the search by domain prefix.
            new Index("byDomain", "tenantId", "domainKey"),
            // The list's combinations (functions: Listings.CUSTOMERS); industry and owner are sparse.
            new Index("byIndustry", "tenantIndustry", "nameKey"),
            new Index("byOwner", "tenantOwner", "nameKey"),
            new Index("byCreated", "tenantId", "createdKey"),
            new Index("byUpdated", "tenantId", "updatedKey")),
    CONTACTS(
            "contactId",
            provisioned(50, 200),
            // A contacts byName index (tenantId, nameKey) was read by no route and no worker: it doubled the write
            // units of
            // every contact and held a copy of every contact, so it was removed (an in-place UpdateTable).
            new Index("byCustomer", "tenantCustomer", "nameKey"),
            // Sparse: contacts with an e-mail, for the search by e-mail prefix.
            new Index("byEmail", "tenantId", "emailKey")),
    OPPORTUNITIES(
            "opportunityId",
            provisioned(25, 100),
            new Index("byStage", "tenantStage", "closeKey"),
            new Index("byOwner", "tenantOwner", "closeKey"),
            new Index("byCustomer", "tenantCustomer", "closeKey"),
            // The list's combinations (functions: Listings.OPPORTUNITIES).
            new Index("byClose", "tenantId", "closeKey"),
            new Index("byOwnerStage", "tenantOwnerStage", "closeKey"),
            new Index("byAmount", "tenantCurrency", "amountKey"),
            new Index("byStageAmount", "tenantStageCurrency", "amountKey"),
            new Index("byUpdated", "tenantId", "updatedKey")),
    ACTIVITIES(
            "activityId",
            provisioned(100, 400),
            new Index("timeline", "tenantCustomer", "occurredKey"),
            new Index("byOwner", "tenantOwner", "occurredKey"),
            // Sparse: only open tasks with an assignee carry its keys.
            new Index("openTasks", "tenantAssignee", "dueKey")),
    /**
     * The tenant's bookkeeping: jobs (reports, imports, exports), idempotency records, the pipeline's totals,
     * history entries, unique values' claims, deleted items kept for restore, webhooks and their deliveries.
     * Bursty and keyed by prefix within the tenant's partition; always on demand.
     */
    JOBS("jobId", Optional.empty());

    /** The partition key of every table: the tenant. */
    public static final String HASH_KEY = "tenantId";

    /** The attribute carrying each temporary item's expiry, in epoch seconds. */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    /** A global secondary index; every index projects all attributes so a query needs no second read. */
    public record Index(String name, String hashKey, String rangeKey) {}

    private final String rangeKey;
    private final Optional<Range> capacity;
    private final List<Index> indexes;

    CrmTable(String rangeKey, Optional<Range> capacity, Index... indexes) {
        this.rangeKey = rangeKey;
        this.capacity = capacity;
        this.indexes = List.of(indexes);
    }

    private static Optional<Range> provisioned(double minUnits, double maxUnits) {
        return Optional.of(new Range(minUnits, maxUnits));
    }

    /**
     * The table's read and write capacity range (units) from the phase that provisions tables on; empty for a table
     * that stays on demand. Overrides per table go through {@code zebros:overrides} (PhaseSetting.TABLE_MIN_CAPACITY).
     */
    public Optional<Range> capacity() {
        return capacity;
    }

    /** Whether the phase table gives this table provisioned capacity from phase 1 on. */
    public boolean scaledByPhase() {
        return capacity.isPresent();
    }

    public String hashKey() {
        return HASH_KEY;
    }

    public String rangeKey() {
        return rangeKey;
    }

    public List<Index> indexes() {
        return indexes;
    }

    /**
     * Only key attributes are declared: an extra one gives a perpetual diff
     * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table).
     */
    public Set<String> keyAttributes() {
        Set<String> names = new LinkedHashSet<>(List.of(hashKey(), rangeKey));
        for (Index index : indexes) {
            names.add(index.hashKey());
            names.add(index.rangeKey());
        }
        return names;
    }

    public String id() {
        return name().toLowerCase();
    }

    /**
     * The tables of CRM items: every table but the jobs table (the tenant's bookkeeping). What the DAX cluster caches,
     * the reports and exports read and the functions' item routes share: a new item table is one of them.
     */
    public static List<CrmTable> items() {
        return java.util.Arrays.stream(values()).filter(t -> t != JOBS).toList();
    }

    /** The variable that gives the functions and the workers this table's name ({@code functions/}' store.Table reads it). */
    public String environmentVariable() {
        return name() + "_TABLE";
    }
}
