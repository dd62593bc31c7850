package com.zebros.crm.crm;

import com.zebros.crm.store.Table;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One kind of CRM item: its table, its fields, the id prefix of new items and the index keys derived
 * from the fields (name prefixes, customer, stage, owner, dates), each prefixed by the tenant.
 */
public interface EntityType {
    String name();

    Table table();

    List<Field> fields();

    /** Fields that may not change after creation (e.g. the customer an item belongs to). */
    default List<String> immutableFields() {
        return List.of();
    }

    /** Checks across fields, after each field passed on its own. */
    default void check(Map<String, AttributeValue> item, List<com.zebros.crm.http.ApiException.FieldError> errors) {
    }

    /** Adds the index keys of {@code item} (its fields and key already set). */
    void deriveKeys(String tenant, String id, Map<String, AttributeValue> item);

    static String nameKey(String name, String id) {
        return name.toLowerCase(java.util.Locale.ROOT).trim() + "#" + id;
    }
}
