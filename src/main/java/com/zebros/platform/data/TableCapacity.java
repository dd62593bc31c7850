package com.zebros.platform.data;

import com.zebros.platform.config.CrmTable;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.Range;
import java.util.Map;

/**
 * How the CRM tables are billed and sized: on demand, or provisioned with a capacity range for each
 * table the phase table scales and for its indexes, held at a target utilisation by auto-scaling.
 * Decided by {@link #forPhase}; the tables and their replicas take it as it is.
 *
 * @param tables        the range of each provisioned table; empty on demand
 * @param indexes       the range of each provisioned table's indexes
 * @param targetPercent the utilisation auto-scaling holds
 */
public record TableCapacity(Map<CrmTable, Range> tables, Map<CrmTable, Range> indexes, double targetPercent) {
    public TableCapacity {
        if (!tables.keySet().equals(indexes.keySet())) {
            throw new IllegalArgumentException("a provisioned table and its indexes are sized together: tables "
                    + tables.keySet() + ", indexes " + indexes.keySet());
        }
        tables = Map.copyOf(tables);
        indexes = Map.copyOf(indexes);
    }

    /** Whether {@code table} is provisioned (else it is billed per request). */
    public boolean provisioned(CrmTable table) {
        return tables.containsKey(table);
    }

    /** Whether any table is provisioned: a replica region scales its replicas the same way. */
    public boolean anyProvisioned() {
        return !tables.isEmpty();
    }

    public Range table(CrmTable table) {
        return tables.get(table);
    }

    public Range index(CrmTable table) {
        return indexes.get(table);
    }

    public static TableCapacity forPhase(PhaseTable phases) {
        Map<CrmTable, Range> tables = new java.util.LinkedHashMap<>();
        Map<CrmTable, Range> indexes = new java.util.LinkedHashMap<>();
        if (phases.dynamoProvisioned()) {
            for (CrmTable table : CrmTable.values()) {
                if (table.scaledByPhase()) {
                    tables.put(table, phases.tableCapacity(table));
                    indexes.put(table, phases.indexCapacity(table));
                }
            }
        }
        return new TableCapacity(tables, indexes, phases.scalingTargetPercent());
    }
}
