package com.zebros.platform.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A DynamoDB table of the CRM as {@code schema/crm-tables.json} declares it: its keys, indexes and provisioned
 * capacity. That file is the one place a table is declared (docs/maintainers.md); each build copies it into its jar.
 * Every table it holds is deployed with its encryption, backups, stream, replicas in a region pair, auto-scaling, the
 * functions' and workers' {@code <TABLE>_TABLE} variable, its grants, the dashboard and the cost estimate; the
 * constants below are only the tables the program names for a decision of its own (who may write what).
 *
 * <p>A table's name, keys and index keys force a replacement of the whole (global) table when they change
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table), so they are in the
 * repository, never config. Every partition key starts with the tenant, so a query can only ever reach one tenant's
 * items; each index says in the schema which access it serves.
 */
public final class CrmTable {
    /** The partition key of every table: the tenant. */
    public static final String HASH_KEY = "tenantId";

    /** The attribute carrying each temporary item's expiry, in epoch seconds. */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    private static final List<CrmTable> DECLARED = TableSchema.read();

    public static final CrmTable CUSTOMERS = named("customers");
    public static final CrmTable CONTACTS = named("contacts");
    public static final CrmTable OPPORTUNITIES = named("opportunities");
    public static final CrmTable ACTIVITIES = named("activities");
    /** The tenant's bookkeeping (jobs, idempotency, totals, history, claims, webhooks); always on demand. */
    public static final CrmTable JOBS = named("jobs");

    /** A global secondary index; every index projects all attributes so a query needs no second read. */
    public record Index(String name, String hashKey, String rangeKey) {}

    private final String id;
    private final String rangeKey;
    private final List<Index> indexes;
    private final Optional<Range> capacity;

    CrmTable(String id, String rangeKey, List<Index> indexes, Optional<Range> capacity) {
        this.id = id;
        this.rangeKey = rangeKey;
        this.indexes = List.copyOf(indexes);
        this.capacity = capacity;
    }

    private static CrmTable named(String id) {
        return DECLARED.stream()
                .filter(t -> t.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("schema/crm-tables.json has no table " + id
                        + ", which the program names (config/CrmTable): put it back, or take its uses out first"));
    }

    /** Every table, in the schema's order (the order resources are registered in). */
    public static List<CrmTable> values() {
        return DECLARED;
    }

    /**
     * The tables of CRM items: every table but the jobs table (the tenant's bookkeeping). What the DAX cluster caches,
     * the reports and exports read and the functions' item routes share: a new item table is one of them.
     */
    public static List<CrmTable> items() {
        return DECLARED.stream().filter(t -> t != JOBS).toList();
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
        Set<String> names = new LinkedHashSet<>(List.of(hashKey(), rangeKey()));
        for (Index index : indexes()) {
            names.add(index.hashKey());
            names.add(index.rangeKey());
        }
        return names;
    }

    /** The schema's id: the logical name of the table's resources and part of its physical name. */
    public String id() {
        return id;
    }

    /** The variable that gives the functions and the workers this table's name ({@code functions/}' store.Table reads it). */
    public String environmentVariable() {
        return id.toUpperCase(java.util.Locale.ROOT) + "_TABLE";
    }

    @Override
    public String toString() {
        return id;
    }
}
