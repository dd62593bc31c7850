package com.zebros.crm.crm;

import java.util.List;

/**
 * One combination of filters and order a list endpoint serves, and the key that serves it: the items matching
 * {@code filters} (equality, in the order their values make the partition key {@code tenant#v1#v2}) are one
 * partition of {@code index} (null: the base table, by id), ordered by {@code sort}'s key {@code sortAttribute}.
 * A range on {@code sort} is a condition on that key, so a request reads one page whatever it asks for.
 *
 * @param newestFirst the order without a {@code sort} parameter: descending (a timeline) or ascending
 * @param backfilled  whether items written before this index existed get its keys from {@link
 *                    com.zebros.crm.migrate.ListKeysMigration}: until it is done the listing answers 503
 */
public record ListAccess(
        List<String> filters,
        String sort,
        String index,
        String partitionAttribute,
        String sortAttribute,
        boolean newestFirst,
        boolean backfilled) {

    /** The base table's order, by id, with no filter: the one combination every list has. */
    public static final String BY_ID = "id";

    /** What a client sends for this combination, as the 400 of an unserved one lists it. */
    String describe() {
        String by = filters.isEmpty() ? "no filter" : String.join(" + ", filters);
        return by + ", sorted by " + sort + (rangeable() ? " (ranges on " + sort + ")" : "");
    }

    /** Whether a range filter may bound the sort field: not the id, and not a name (a name takes a prefix, q). */
    boolean rangeable() {
        return !sort.equals(BY_ID) && !sort.equals("name");
    }

    /** The partition value of {@code tenant} and the filters' values (each already normalized), in order. */
    static String partition(String tenant, List<String> values) {
        return values.isEmpty() ? tenant : tenant + "#" + String.join("#", values);
    }
}
