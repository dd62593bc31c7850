package com.zebros.platform.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The DynamoDB tables of the CRM, each with its provisioned capacity here and its keys and indexes in
 * {@code schema/crm-tables.json}, which the functions' build reads too (each build copies it into its jar): the one
 * place a table is declared (docs/maintainers.md). The table's encryption, backups, stream, replicas in a region pair,
 * auto-scaling, the functions' and workers' {@code <TABLE>_TABLE} variable, the dashboard and the cost estimate follow
 * from it.
 *
 * <p>A table's name, keys and index keys force a replacement of the whole (global) table when they change
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table), so they are in the
 * repository, never config. Every partition key starts with the tenant, so a query can only ever reach one tenant's
 * items; each index says in the schema which access it serves.
 */
public enum CrmTable {
    CUSTOMERS(provisioned(25, 100)),
    // A contacts byName index (tenantId, nameKey) was read by no route and no worker: it doubled the write units of
    // every contact and held a copy of every contact, so it was removed (an in-place UpdateTable).
    CONTACTS(provisioned(50, 200)),
    OPPORTUNITIES(provisioned(25, 100)),
    ACTIVITIES(provisioned(100, 400)),
    /**
     * The tenant's bookkeeping: jobs (reports, imports, exports), idempotency records, the pipeline's totals,
     * history entries, unique values' claims, deleted items kept for restore, webhooks and their deliveries.
     * Bursty and keyed by prefix within the tenant's partition; always on demand.
     */
    JOBS(Optional.empty());

    /** The partition key of every table: the tenant. */
    public static final String HASH_KEY = "tenantId";

    /** The attribute carrying each temporary item's expiry, in epoch seconds. */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    /** A global secondary index; every index projects all attributes so a query needs no second read. */
    public record Index(String name, String hashKey, String rangeKey) {}

    private final Optional<Range> capacity;

    CrmTable(Optional<Range> capacity) {
        this.capacity = capacity;
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

    /** The table's sort key, as schema/crm-tables.json declares it. */
    public String rangeKey() {
        return TableSchema.of(this).rangeKey();
    }

    /** The table's indexes, as schema/crm-tables.json declares them. */
    public List<Index> indexes() {
        return TableSchema.of(this).indexes();
    }

    /**
     * Only key attributes are declared: an extra one gives a perpetual diff
     * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table).
     */
    public Set<String> keyAttributes() {
        Set<String> names = new LinkedHashSet<>(List.of(hashKey(), rangeKey()));
        for (Index index : indexes()) {
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
