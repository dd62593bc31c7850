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

    /**
     * The field no two items of a tenant share (a contact's e-mail, a customer's domain), compared in lower case:
     * held by a claim written in the same transaction as the item, and what an upsert finds an item by.
     */
    default java.util.Optional<String> uniqueField() {
        return java.util.Optional.empty();
    }

    /** Checks across fields, after each field passed on its own. */
    default void check(Map<String, AttributeValue> item, List<com.zebros.crm.http.ApiException.FieldError> errors) {}

    /**
     * What else a write of this type changes, in the same transaction: the totals it keeps. {@code before} is the
     * item as stored (empty for a new one), {@code after} as it will be stored (empty when deleted), which this may
     * mark. None by default.
     */
    default List<software.amazon.awssdk.services.dynamodb.model.TransactWriteItem> alongside(
            com.zebros.crm.store.Store store,
            String tenant,
            Map<String, AttributeValue> before,
            Map<String, AttributeValue> after) {
        return List.of();
    }

    /** Adds the index keys of {@code item} (its fields, key and times already set). */
    void deriveKeys(String tenant, String id, Map<String, AttributeValue> item);

    /**
     * Every attribute {@link #deriveKeys} may set: what ListKeysMigration brings up to date on items written before
     * a key existed or changed form (ContractTest holds it to crm-tables.json's index keys).
     */
    List<String> derivedAttributes();

    /**
     * The sort key that makes {@code field} searchable by prefix in its sparse index: the value in lower case and the
     * id; none without the field. It always fits DynamoDB's 1,024-byte sort key
     * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html): an e-mail is at most 320
     * UTF-16 units (Field.email), each at most 3 bytes of UTF-8 (a 4-byte character takes two units), a domain at most
     * 253 ASCII characters, so the key is at most 960 + 1 + 36 bytes (SearchTest writes the longest).
     */
    static java.util.Optional<AttributeValue> searchKey(Map<String, AttributeValue> item, String field, String id) {
        return java.util.Optional.ofNullable(item.get(field))
                .map(value -> AttributeValue.fromS(
                        value.s().toLowerCase(java.util.Locale.ROOT).trim() + "#" + id));
    }

    static String nameKey(String name, String id) {
        return name.toLowerCase(java.util.Locale.ROOT).trim() + "#" + id;
    }
}
