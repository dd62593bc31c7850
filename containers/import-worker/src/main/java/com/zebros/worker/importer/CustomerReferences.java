package com.zebros.worker.importer;

import com.zebros.crm.store.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether the customers imported contacts name exist, as the API checks for each new contact. The
 * customers of a batch are read in one request; those found are remembered (a file usually names
 * the same customers again and again), up to a bound that keeps memory flat on any file.
 */
final class CustomerReferences {
    private static final int REMEMBERED = 200_000;

    private final ItemWriter items;
    private final String tenant;
    private final Set<String> known = new HashSet<>();

    CustomerReferences(ItemWriter items, String tenant) {
        this.items = items;
        this.tenant = tenant;
    }

    /** Of {@code customerIds}, those that do not exist. */
    Set<String> missing(List<String> customerIds) {
        List<String> unknown = customerIds.stream().filter(id -> !known.contains(id)).distinct().toList();
        Set<String> missing = new HashSet<>();
        for (int from = 0; from < unknown.size(); from += ItemWriter.READ_BATCH) {
            List<String> batch = unknown.subList(from, Math.min(from + ItemWriter.READ_BATCH, unknown.size()));
            Set<String> found = items.existing(Table.CUSTOMERS, tenant, batch);
            for (String id : batch) {
                if (found.contains(id)) {
                    if (known.size() >= REMEMBERED) {
                        known.clear();
                    }
                    known.add(id);
                } else {
                    missing.add(id);
                }
            }
        }
        return missing;
    }
}
