package com.zebros.platform.data;

import com.zebros.platform.config.CrmTable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The key schema of one CRM table. Its name, keys and index keys force a replacement of the whole
 * (global) table when they change (docs/aws-constraints.md#DDB-10), so they are constants here, never config.
 */
public record TableSchema(CrmTable table, String hashKey, String rangeKey, List<IndexSchema> indexes) {

    /** A global secondary index; every index projects all attributes so a query needs no second read. */
    public record IndexSchema(String name, String hashKey, String rangeKey) {
    }

    /** The attribute carrying each temporary item's expiry, in epoch seconds. */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    /** Only key attributes are declared: an extra one gives a perpetual diff (docs/aws-constraints.md#DDB-11). */
    public Set<String> keyAttributes() {
        Set<String> names = new LinkedHashSet<>(List.of(hashKey, rangeKey));
        for (IndexSchema index : indexes) {
            names.add(index.hashKey());
            names.add(index.rangeKey());
        }
        return names;
    }
}
