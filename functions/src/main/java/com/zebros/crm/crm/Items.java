package com.zebros.crm.crm;

import com.google.gson.JsonObject;
import com.zebros.crm.http.ApiException;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stored form of a CRM item and the JSON a client sees of it, in one place: the API and the
 * import and export workers (containers/) all go through here, so an imported customer is the same
 * item the API would have written, and an exported one the same JSON it would have returned.
 */
public final class Items {
    /** An item's id: its type's prefix ({@link #idPrefix}) and 32 hex digits. */
    public static final String ITEM_ID = "(cus|con|opp|act)_[0-9a-f]{32}";

    private Items() {}

    /**
     * The fields of {@code body} as stored attributes, or every problem at once as an invalid-request
     * error. {@code current} is the stored item an update replaces (empty for a new item).
     */
    public static Map<String, AttributeValue> validate(
            EntityType type, JsonObject body, Map<String, AttributeValue> current) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        Set<String> known = new HashSet<>();
        type.fields().forEach(f -> known.add(f.name()));
        for (String name : body.keySet()) {
            if (!known.contains(name) && !name.equals("id") && !name.equals("version")) {
                errors.add(new ApiException.FieldError(name, "is not a field of a " + type.name()));
            }
        }
        Map<String, AttributeValue> item = new HashMap<>();
        for (Field field : type.fields()) {
            field.read(body, item, errors);
        }
        for (String name : type.immutableFields()) {
            if (current.containsKey(name)
                    && item.containsKey(name)
                    && !current.get(name).equals(item.get(name))) {
                errors.add(new ApiException.FieldError(name, "cannot change after creation"));
            }
        }
        if (errors.isEmpty()) {
            type.check(item, errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return item;
    }

    /** A new item ready to store: validated fields, key, times and index keys (its version is the store's). */
    public static Map<String, AttributeValue> created(
            EntityType type, String tenant, String id, Map<String, AttributeValue> fields, String now) {
        Map<String, AttributeValue> item = new HashMap<>(fields);
        item.putAll(Store.key(type.table(), tenant, id));
        item.put("createdAt", AttributeValue.fromS(now));
        item.put("updatedAt", AttributeValue.fromS(now));
        type.deriveKeys(tenant, id, item);
        return item;
    }

    /** The JSON a client sees: its id, its fields, version and times; never the derived keys. */
    public static Map<String, Object> view(EntityType type, Map<String, AttributeValue> item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.get(type.table().idAttribute()).s());
        for (Field field : type.fields()) {
            Object value = field.write(item);
            if (value != null) {
                json.put(field.name(), value);
            }
        }
        json.put("version", Long.parseLong(item.get(Store.VERSION).n()));
        json.put("createdAt", item.get("createdAt").s());
        json.put("updatedAt", item.get("updatedAt").s());
        return json;
    }

    /** The id prefix of new items of {@code type}: "cus", "con", "opp", "act". */
    public static String idPrefix(EntityType type) {
        return type.name().substring(0, 3);
    }

    /** The entity type stored in {@code table}. */
    public static EntityType typeOf(Table table) {
        return switch (table) {
            case CUSTOMERS -> Entities.CUSTOMER;
            case CONTACTS -> Entities.CONTACT;
            case OPPORTUNITIES -> Entities.OPPORTUNITY;
            case ACTIVITIES -> Entities.ACTIVITY;
            case JOBS -> throw new IllegalArgumentException("jobs are not CRM items");
        };
    }
}
